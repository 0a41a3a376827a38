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

describe('mail for reminders (SMTP_URL, SMTP_FROM)', () => {
  it('is off by default: no SMTP_URL, no mailer', () => {
    expect(loadEnv({}, []).smtp).toBeNull();
    expect(loadEnv({ SMTP_URL: '', SMTP_FROM: '' }, []).smtp).toBeNull();
    expect(loadEnv({ SMTP_FROM: 'chitieu@example.org' }, []).smtp).toBeNull();
  });

  it('takes smtp:// or smtps:// with a sender', () => {
    expect(
      loadEnv(
        { SMTP_URL: 'smtp://u:p@mail.example.org:587', SMTP_FROM: 'Chỉ tiêu <chitieu@example.org>' },
        [],
      ).smtp,
    ).toEqual({ url: 'smtp://u:p@mail.example.org:587', from: 'Chỉ tiêu <chitieu@example.org>' });
    expect(
      loadEnv({ SMTP_URL: 'smtps://mail.example.org', SMTP_FROM: 'chitieu@example.org' }, []).smtp,
    ).toEqual({
      url: 'smtps://mail.example.org',
      from: 'chitieu@example.org',
    });
  });

  it('refuses a malformed one with a one-line reason that never repeats the password', () => {
    for (const url of [
      'mail.example.org',
      'http://u:mat-khau-bi-mat@mail.example.org',
      'smtp://u:mat-khau-bi-mat@mail.example.org:99999',
      'smtp://u:mat-khau-bi-mat@mail.example.org/inbox',
      'smtp://u:mat-khau-bi-mat@',
    ]) {
      let message = '';
      try {
        loadEnv({ SMTP_URL: url, SMTP_FROM: 'chitieu@example.org' }, []);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).toMatch(/^Cấu hình không hợp lệ: SMTP_URL — /);
      expect(message.split('\n'), url).toHaveLength(1);
      expect(message, url).not.toContain('mat-khau-bi-mat');
    }
  });

  it('needs a well-formed SMTP_FROM with SMTP_URL', () => {
    expect(() => loadEnv({ SMTP_URL: 'smtp://mail.example.org' }, [])).toThrow('SMTP_FROM');
    expect(() => loadEnv({ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: 'chitieu' }, [])).toThrow(
      'SMTP_FROM',
    );
  });
});
