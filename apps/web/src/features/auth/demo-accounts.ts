/**
 * The demo database's accounts, listed on the sign-in page of a demo (never otherwise). They mirror
 * DEMO_ACCOUNTS of the demo seed (packages/db/src/seed/demo.ts); demo-accounts.test.ts checks that
 * they stay the same. (Better: /api/meta could list them when demo is true; see the report.)
 */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoAccount {
  username: string;
  role: 'admin' | 'manager' | 'entry' | 'approver' | 'viewer';
  unitName: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'nhap.phuthuy', role: 'entry', unitName: 'Phường Phú Thủy' },
  { username: 'nhap.phuhai', role: 'entry', unitName: 'Phường Phú Hài' },
  { username: 'duyet.phanthiet', role: 'approver', unitName: 'Thành phố Phan Thiết' },
  { username: 'xem.phanthiet', role: 'viewer', unitName: 'Thành phố Phan Thiết' },
  { username: 'duyet.tinh', role: 'approver', unitName: 'Tỉnh Bình Thuận' },
  { username: 'lanhdao', role: 'viewer', unitName: 'Tỉnh Bình Thuận' },
  { username: 'quanly', role: 'manager', unitName: 'Tỉnh Bình Thuận' },
  { username: 'admin', role: 'admin', unitName: 'Tỉnh Bình Thuận' },
];
