import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';

/** Runs the reminder scan for a period now (POST /api/reminders/run); running it twice sends nothing new. */
export function RemindButton({ periodCode, missing }: { periodCode: string; missing: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await ok(api.POST('/api/reminders/run', { body: { periodCode } }));
      void message.success(r.created ? t(`已发出 ${r.created} 条提醒`, `${r.created} reminders sent`) : t('没有需要新发的提醒', 'No new reminders to send'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t(`向未报送的 ${missing} 个单位发送催报提醒？`, `Remind the ${missing} units that have not reported?`)} onConfirm={() => void run()}>
      <Button size="small" loading={busy} disabled={missing === 0}>
        {t('催报', 'Remind')}
      </Button>
    </Popconfirm>
  );
}
