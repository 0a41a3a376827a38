/** The roles in words. */
import type { Role } from '@chitieu/core';
import type { MessageKey } from '../../i18n.ts';

export const ROLE_LABELS: Record<Role, MessageKey> = {
  admin: 'role.admin',
  manager: 'role.manager',
  entry: 'role.entry',
  approver: 'role.approver',
  viewer: 'role.viewer',
};
