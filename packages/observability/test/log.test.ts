import { describe, expect, it } from 'vitest';
import { withRequestId } from '@aleumet/core';
import { captureLogs, createLogger, logFormatFrom, logLevelFrom } from '../src/index.js';

describe('logger', () => {
  it('masks personal data in fields, messages and errors, and adds the request id', () => {
    const capture = captureLogs();
    try {
      const log = createLogger('test');
      withRequestId('req-1', () => {
        log.info({ iin: '900101300123', fullName: 'Серикова Айгерим', person: { lastName: 'Серикова' }, phone: '+7 701 123 45 67' }, 'looked up 900101300123');
        log.error(new Error('duplicate key (iin)=(900101300123) for aigerim@example.kz'));
        log.warn({ err: new Error('person 900101300123 not found') }, 'failed');
      });
      const text = capture.lines.join('');
      expect(text).not.toContain('900101300123');
      expect(text).not.toContain('Серикова');
      expect(text).not.toContain('701 123');
      expect(text).not.toContain('aigerim@');
      const lines = capture.lines.map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ name: 'test', requestId: 'req-1', iin: '***', fullName: '***', msg: 'looked up 90**********' });
      expect(lines[1].err.message).toContain('90**********');
      expect(lines[2].err.message).toBe('person 90********** not found');
    } finally {
      capture.stop();
    }
  });

  it('takes its level and format from the environment, refusing unknown values', () => {
    expect(logLevelFrom({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFrom({})).toBe('info');
    expect(() => logLevelFrom({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(logFormatFrom({ NODE_ENV: 'production' })).toBe('json');
    expect(logFormatFrom({})).toBe('pretty');
    expect(() => logFormatFrom({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
