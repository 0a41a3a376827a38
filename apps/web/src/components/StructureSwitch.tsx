import type { StructureVersion } from '../api/get-structure-versions.ts';
import { useI18n } from '../i18n.ts';
import { Segmented } from './Segmented.tsx';

/**
 * "Cơ cấu cũ (như báo cáo)" / "Cơ cấu mới": the figures in the structure in force on the as-of date
 * (as reported), or in the latest structure, where closed units' results are summed into their
 * successors. Shown only when the two differ. The choice is `sv=` in the address, which the report
 * and its exports carry too.
 */
export function StructureSwitch({
  versions,
  asOf,
  current,
  onChange,
}: {
  versions: StructureVersion[];
  asOf: string | undefined;
  /** The version the figures use now. */
  current: number | undefined;
  /** undefined: the version in force on the as-of date. */
  onChange: (structureVersionId: number | undefined) => void;
}) {
  const { t } = useI18n();
  const latest = versions.reduce<StructureVersion | undefined>(
    (a, v) => (!a || v.validFrom > a.validFrom || (v.validFrom === a.validFrom && v.id > a.id) ? v : a),
    undefined,
  );
  const atDate = asOf
    ? versions
        .filter((v) => v.validFrom <= asOf)
        .reduce<StructureVersion | undefined>((a, v) => (!a || v.validFrom >= a.validFrom ? v : a), undefined)
    : undefined;
  if (!latest || !atDate || latest.id === atDate.id) return null;
  return (
    <div className="basis-switch">
      <span className="basis-switch__label" id="structure-label">
        {t('structure.label')}
      </span>
      <Segmented
        aria-labelledby="structure-label"
        value={current === latest.id ? 'new' : 'old'}
        onChange={(value) => onChange(value === 'new' ? latest.id : undefined)}
        data={[
          { value: 'old' as const, label: t('structure.old') },
          { value: 'new' as const, label: t('structure.new') },
        ]}
      />
    </div>
  );
}
