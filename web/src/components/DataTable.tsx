import type { ReactNode } from 'react';
import { TableWrap } from './TableWrap.js';

export interface Column<T> {
  /** Column heading (`th scope="col"`). */
  header: ReactNode;
  /** Cell content for one row. */
  cell: (row: T) => ReactNode;
  /** Extra class of the cells (e.g. numbers aligned). */
  className?: string;
}

/**
 * The app's one table: a scrollable wrapper, a caption for screen readers (visible when asked),
 * column headings, and the first column as each row's header (`th scope="row"`) so a screen reader
 * announces which row a cell belongs to. On a phone each row becomes a card whose cells carry
 * their column's name (`data-label`, shown by styles.css).
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowClassName,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
}) {
  return (
    <TableWrap label={caption}>
      <table className="stack">
        <caption className={captionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" key={i} className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th scope="row" key={i} className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={c.className} data-label={typeof c.header === 'string' ? c.header : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
