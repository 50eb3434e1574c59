// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { DataTable } from './DataTable.js';

afterEach(cleanup);

describe('DataTable', () => {
  it('has a caption, column headers and the first cell of each row as its row header', () => {
    render(
      <DataTable
        caption="Acts"
        rows={[{ id: 'a', name: 'March', n: 3 }, { id: 'b', name: 'April', n: 4 }]}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Month', cell: (r) => r.name },
          { header: 'Hours', cell: (r) => r.n },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Acts' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Month', 'Hours']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['March', 'April']);
    expect(within(table).getAllByRole('cell').map((h) => h.textContent)).toEqual(['3', '4']);
  });
});
