import type { Basis } from '@chitieu/core';
import type { ReactNode } from 'react';
import type { TreeUnit } from '../../../api/get-units.ts';
import { Segmented } from '../../../components/Segmented.tsx';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { useI18n } from '../../../i18n.ts';
import { AsOfForm } from './AsOfForm.tsx';

/** Which unit, as of when; and where the unit sits (breadcrumb, each ancestor clickable). */
export function ScopeBar({
  units,
  unitsLoading,
  unitId,
  asOf,
  path,
  onUnit,
  onAsOf,
  termRange,
  canOpen,
  basis,
  onBasis,
  children,
}: {
  units: TreeUnit[];
  unitsLoading: boolean;
  unitId: number | undefined;
  asOf: string | undefined;
  path: { id: number; name: string }[];
  onUnit: (unitId: number) => void;
  onAsOf: (iso: string) => void;
  termRange: { start: string; end: string } | undefined;
  /** Whether a breadcrumb ancestor may be opened (else it is plain text). */
  canOpen: (unitId: number) => boolean;
  /** Count approved results only, or also those sent and waiting for approval. */
  basis: Basis;
  onBasis: (basis: Basis) => void;
  /** More switches beside the basis (the structure switch). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="scope-bar">
      <div className="scope-bar__controls">
        <UnitPicker
          units={units}
          value={unitId}
          onChange={(id) => id !== undefined && onUnit(id)}
          loading={unitsLoading}
        />
        <AsOfForm asOf={asOf} onChange={onAsOf} termRange={termRange} />
        <div className="basis-switch">
          <span className="basis-switch__label" id="basis-label">
            {t('scope.basis')}
          </span>
          <Segmented
            aria-labelledby="basis-label"
            value={basis}
            onChange={onBasis}
            data={[
              { value: 'approved' as const, label: t('scope.basisApproved') },
              { value: 'submitted' as const, label: t('scope.basisSubmitted') },
            ]}
          />
        </div>
        {children}
      </div>
      {path.length > 1 && (
        <nav className="breadcrumb" aria-label={t('scope.breadcrumb')}>
          <ol>
            {path.map((item, index) => {
              const last = index === path.length - 1;
              return (
                <li key={item.id}>
                  {last ? (
                    <span aria-current="page">{item.name}</span>
                  ) : !canOpen(item.id) ? (
                    <span>{item.name}</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onUnit(item.id)}>
                      {item.name}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
    </div>
  );
}
