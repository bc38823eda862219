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
      // Units nobody can be reminded for: say which, so an administrator can add their secretary.
      if (r.unreachable.length) {
        const names = r.unreachable.map((u) => u.name).join('、');
        void message.warning(t(`${names}没有书记账号或工作群，收不到提醒；请管理员为其添加书记账号。`, `${names}: no secretary account or group chat to receive reminders.`), 8);
      }
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
