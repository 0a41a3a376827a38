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

  it('--demo=2025 loads the reorganised demo, by default in its own directory', () => {
    expect(loadEnv({}, ['--demo=2025'])).toMatchObject({ seedDemo: true, demoStage: '2025' });
    expect(loadEnv({}, ['--demo=2025']).dataDir).toMatch(/data-2025$/);
    expect(loadEnv({ DATA_DIR: '/tmp/x' }, ['--demo=2025']).dataDir).toBe('/tmp/x');
    expect(loadEnv({}, []).demoStage).toBe('mid-term');
    expect(() => loadEnv({}, ['--demo=2025', '--no-demo'])).toThrow('không dùng cùng nhau');
    expect(() => loadEnv({}, ['--demo=2024'])).toThrow('--demo=2025');
  });

  it('refuses an unknown switch or value with a one-line reason', () => {
    expect(() => loadEnv({}, ['--no-dmeo'])).toThrow('--no-demo');
    expect(() => loadEnv({ CHITIEU_DEMO: 'maybe' }, [])).toThrow('CHITIEU_DEMO');
  });
});
