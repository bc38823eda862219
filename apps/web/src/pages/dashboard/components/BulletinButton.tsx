import { FileWordOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { usePeriodName } from '../../../layout/period';

/** Downloads the period's 通报 draft (GET /api/dashboard/bulletin.docx), to be edited in Word or WPS. */
export function BulletinButton({ periodCode }: { periodCode: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const periodName = usePeriodName(periodCode);
  const run = async () => {
    setBusy(true);
    try {
      await download(`/api/dashboard/bulletin.docx?period=${encodeURIComponent(periodCode)}`, `关于${periodName}意识形态工作责任制落实情况的通报.docx`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<FileWordOutlined />} loading={busy} onClick={() => void run()} data-testid="bulletin-button">
      {t('生成通报', 'Draft bulletin')}
    </Button>
  );
}
