import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

describe('starting empty', () => {
  it('--no-demo, CHITIEU_DEMO=0 and SEED_DEMO=false each turn the demo off; the demo is the default', () => {
    expect(loadEnv({}, []).seedDemo).toBe(true);
    expect(loadEnv({}, ['--no-demo']).seedDemo).toBe(false);
    expect(loadEnv({ CHITIEU_DEMO: '0' }, []).seedDemo).toBe(false);
    expect(loadEnv({ CHITIEU_DEMO: 'false' }, []).seedDemo).toBe(false);
    expect(loadEnv({ SEED_DEMO: 'false' }, []).seedDemo).toBe(false);
    expect(loadEnv({ CHITIEU_DEMO: '0' }, ['--demo']).seedDemo).toBe(true);
  });

  it('refuses an unknown switch or value with a one-line reason', () => {
    expect(() => loadEnv({}, ['--no-dmeo'])).toThrow('--no-demo');
    expect(() => loadEnv({ CHITIEU_DEMO: 'maybe' }, [])).toThrow('CHITIEU_DEMO');
  });
});
