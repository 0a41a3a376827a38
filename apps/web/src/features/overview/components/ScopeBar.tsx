import { useI18n } from '../../../i18n.ts';
import type { TreeUnit } from '../api/get-units.ts';
import { AsOfForm } from './AsOfForm.tsx';
import { UnitPicker } from './UnitPicker.tsx';

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
}) {
  const { t } = useI18n();
  return (
    <div className="scope-bar">
      <div className="scope-bar__controls">
        <UnitPicker units={units} value={unitId} onChange={onUnit} loading={unitsLoading} />
        <AsOfForm asOf={asOf} onChange={onAsOf} termRange={termRange} />
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
