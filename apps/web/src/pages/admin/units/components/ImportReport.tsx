import { Alert, Table } from 'antd';
import { useI18n } from '../../../../i18n/i18n';
import type { ImportOutcome } from '../import';

/** What an import did or would do, and every bad row with its row number and reason. */
export function ImportReport({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useI18n();
  const r = outcome.result;
  const errors = r?.errors ?? [];
  let summary: string;
  if (!r) summary = outcome.message ?? t('导入失败', 'Import failed');
  // The api's own message says the same as this summary: it is not shown again beneath it.
  else if (errors.length) summary = t(`文件中有 ${errors.length} 行有误，未导入任何数据。请按下表改正后重新上传。`, `${errors.length} rows have errors; nothing was imported. Fix them and upload again.`);
  else if (r.dryRun) summary = t(`检查通过：将新增 ${r.created} 个单位、更新 ${r.updated} 个单位。`, `Check passed: ${r.created} units to create, ${r.updated} to update.`);
  else summary = t(`导入完成：新增 ${r.created} 个单位、更新 ${r.updated} 个单位。`, `Imported: ${r.created} created, ${r.updated} updated.`);
  return (
    <div data-testid="import-report">
      <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={summary} style={{ marginBottom: errors.length ? 12 : 0 }} />
      {errors.length > 0 && (
        <Table
          size="small"
          rowKey={(e) => `${e.row}-${e.message}`}
          dataSource={errors}
          pagination={errors.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: t('行号', 'Row'), dataIndex: 'row', width: 80 },
            { title: t('问题', 'Problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
