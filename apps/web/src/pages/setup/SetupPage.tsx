// First run (#18): the setup wizard, one screen per step — the setup code from the server's log,
// the administrator, the bureau (root unit), then optionally the unit list and the first period,
// and the e-mail server with a test mail.
// What was typed (never the password) is kept in localStorage, so closing the browser loses
// nothing; the server says whether setup is still needed.
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Progress, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, download, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { homePath } from '../../layout/nav';
import { useSession } from '../../session/SessionContext';
import { sessionStore } from '../../session/session';
import { MailSettingsCard } from '../../components/notifications/MailSettingsCard';
import { ImportReport } from '../admin/units/components/ImportReport';
import { importUnits, type ImportOutcome } from '../admin/units/import';
import { clearProgress, emptyProgress, loadProgress, passwordProblem, passwordStrength, resumeAt, saveProgress, STEPS, type SetupProgress, type Step } from './progress';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The current half-year as the suggested first period, due ten days after it ends. */
function suggestedPeriod(today = dayjs()) {
  const first = today.month() < 6;
  const start = today.month(first ? 0 : 6).date(1);
  const end = first ? today.month(5).date(30) : today.month(11).date(31);
  return { code: `${today.year()}-H${first ? 1 : 2}`, name: `${today.year()}年${first ? '上' : '下'}半年`, range: [start, end] as [Dayjs, Dayjs], dueOn: end.add(10, 'day') };
}

const STRENGTH = [
  { zh: '', en: '', color: '#d9d9d9' },
  { zh: '弱：不符合要求', en: 'Weak: not accepted', color: '#cf1322' },
  { zh: '一般', en: 'Fair', color: '#d48806' },
  { zh: '较强', en: 'Good', color: '#389e0d' },
  { zh: '强', en: 'Strong', color: '#237804' },
];

export default function SetupPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user, signIn } = useSession();
  const [progress, setProgress] = useState<SetupProgress>(() => loadProgress(storage()) ?? emptyProgress());
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only in memory: needed to sign in once setup completes.
  const [password, setPassword] = useState('');
  const [resumed, setResumed] = useState(false);

  const update = (patch: Partial<SetupProgress>) =>
    setProgress((p) => {
      const next = { ...p, ...patch };
      saveProgress(storage(), next);
      return next;
    });
  const go = (step: Step) => {
    setError(null);
    update({ step });
  };

  useEffect(() => {
    let live = true;
    api
      .GET('/api/setup')
      .then(({ data, response }) => {
        if (!live) return;
        if (!data) throw new ApiError(response.status, t('无法读取设置状态', 'Could not read the setup state'));
        const saved = loadProgress(storage());
        const session = sessionStore.get();
        const at = resumeAt(data.needed, saved, session?.user.role === 'admin');
        if (at === 'home' || at === 'login') {
          if (at === 'home' || !saved?.completed) clearProgress(storage());
          void navigate(at === 'home' && session ? homePath(session.user.role) : '/login', { replace: true, state: saved?.completed ? { from: '/setup' } : undefined });
          return;
        }
        const base = data.needed && saved?.completed ? emptyProgress() : (saved ?? emptyProgress());
        setResumed(!!saved && at !== 'code' && data.needed);
        setProgress(() => {
          const next = { ...base, step: at };
          saveProgress(storage(), next);
          return next;
        });
        setReady(true);
      })
      .catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e.message : t('无法连接服务器，请检查网络后刷新页面', 'Cannot reach the server: check the network and reload')));
    return () => {
      live = false;
    };
  }, [navigate, t]);

  const complete = async (root: SetupProgress['root']) => {
    update({ root });
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/setup', { body: { setupCode: progress.setupCode.trim(), admin: { ...progress.admin, password }, root: { ...root, memberCount: root.memberCount ?? 0 } } }));
    } catch (e) {
      setBusy(false);
      const status = e instanceof ApiError ? e.status : 0;
      const text = e instanceof ApiError ? e.message : t('提交失败，请重试', 'Submitting failed, please retry');
      if (status === 409) {
        clearProgress(storage());
        void navigate('/login', { replace: true });
        return;
      }
      update({ step: status === 403 ? 'code' : /密码|用户名|姓名/.test(text) ? 'admin' : 'root' });
      setError(text);
      return;
    }
    try {
      await signIn(progress.admin.username, password);
    } catch {
      // completed anyway: the optional screens ask for a sign-in
    }
    setBusy(false);
    setPassword('');
    update({ completed: true, step: 'units', setupCode: '' });
    void message.success(t('初始设置已完成', 'Setup complete'));
  };

  if (loadError) return <main className="tc-login"><Alert type="error" showIcon title={loadError} /></main>;
  if (!ready) return <main className="tc-login"><Spin /></main>;

  const current = STEPS.indexOf(progress.step);
  return (
    <main className="tc-setup" data-testid="setup-wizard">
      <Card className="tc-setup-card">
        <div className="tc-brand" style={{ marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" />
          {t('温跃层 · 初始设置', 'Thermocline · first-run setup')}
        </div>
        <Steps
          size="small"
          current={current}
          style={{ margin: '16px 0 24px' }}
          items={[
            { title: t('设置码', 'Setup code') },
            { title: t('管理员', 'Administrator') },
            { title: t('本局', 'Bureau') },
            { title: t('单位与期次', 'Units & period'), description: t('可选', 'optional') },
            { title: t('邮件', 'E-mail'), description: t('可选', 'optional') },
            { title: t('完成', 'Done') },
          ]}
        />
        {resumed && progress.step === 'admin' && !error && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('已恢复上次填写的内容。为安全起见密码不会保存，请重新输入。', 'Restored what you entered last time. The password is never stored: please enter it again.')} />
        )}
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />}
        {progress.step === 'code' && <CodeStep initial={progress.setupCode} onNext={(setupCode) => (update({ setupCode }), go('admin'))} />}
        {progress.step === 'admin' && (
          <AdminStep
            initial={progress.admin}
            password={password}
            onChange={(admin) => update({ admin })}
            onBack={() => go('code')}
            onNext={(admin, pw) => {
              setPassword(pw);
              update({ admin });
              go('root');
            }}
          />
        )}
        {progress.step === 'root' && <RootStep initial={progress.root} busy={busy} onChange={(root) => update({ root })} onBack={() => go('admin')} onNext={(root) => void complete(root)} />}
        {progress.step === 'units' && (
          user ? (
            <UnitsStep progress={progress} update={update} onNext={() => go('mail')} />
          ) : (
            <Alert type="warning" showIcon title={t('初始设置已完成，请先登录再继续可选步骤。', 'Setup is complete: sign in to continue with the optional steps.')} action={<Button onClick={() => void navigate('/login', { state: { from: '/setup' } })}>{t('登录', 'Sign in')}</Button>} />
          )
        )}
        {progress.step === 'mail' && (
          user ? (
            <MailStep saved={progress.mail} onSaved={() => update({ mail: true })} onBack={() => go('units')} onNext={() => go('done')} />
          ) : (
            <Alert type="warning" showIcon title={t('初始设置已完成，请先登录再继续可选步骤。', 'Setup is complete: sign in to continue with the optional steps.')} action={<Button onClick={() => void navigate('/login', { state: { from: '/setup' } })}>{t('登录', 'Sign in')}</Button>} />
          )
        )}
        {progress.step === 'done' && (
          <Result
            status="success"
            title={t('设置完成', 'All set')}
            subTitle={t(
              `管理员 ${progress.admin.username} 已创建，本局为「${progress.root.name}」（${progress.root.code}）。${progress.imported ? `已导入 ${progress.imported} 个单位。` : ''}${progress.period ? `已创建期次 ${progress.period}。` : ''}${progress.mail ? '已设置邮件服务器。' : ''}`,
              `Administrator ${progress.admin.username} created; the bureau is ${progress.root.name} (${progress.root.code}).${progress.imported ? ` ${progress.imported} units imported.` : ''}${progress.period ? ` Period ${progress.period} created.` : ''}${progress.mail ? ' E-mail server set.' : ''}`,
            )}
            extra={[
              <Typography.Paragraph key="smtp" type="secondary" style={{ textAlign: 'left' }}>
                {t('邮件服务器随时可在“通知与提醒 → 邮件服务器”中设置或修改；用户的邮箱地址在“用户”中填写。', 'The e-mail server can be set or changed any time under Notifications & reminders → E-mail server; users’ addresses are set under Users.')}
              </Typography.Paragraph>,
              <Button
                key="go"
                type="primary"
                onClick={() => {
                  clearProgress(storage());
                  void navigate(user ? homePath(user.role) : '/login', { replace: true });
                }}
              >
                {t('进入系统', 'Open Thermocline')}
              </Button>,
            ]}
          />
        )}
      </Card>
    </main>
  );
}

function CodeStep({ initial, onNext }: { initial: string; onNext(code: string): void }) {
  const { t } = useI18n();
  return (
    <Form<{ setupCode: string }> layout="vertical" initialValues={{ setupCode: initial }} onFinish={(v) => onNext(v.setupCode.trim())} requiredMark={false}>
      <Typography.Paragraph>
        {t('欢迎使用温跃层。请输入服务器日志中的初始设置码，以证明您是本系统的安装者。', 'Welcome. Enter the setup code from the server log to show that you installed this server.')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('在服务器上运行 ', 'On the server, run ')}
        <Typography.Text code>docker compose logs api</Typography.Text>
        {t('，找到含“setup code 初始设置码”的一行。', ' and find the line with “setup code 初始设置码”.')}
      </Typography.Paragraph>
      <Form.Item name="setupCode" label={t('初始设置码', 'Setup code')} rules={[{ required: true, whitespace: true, message: t('请输入初始设置码', 'Enter the setup code') }]}>
        <Input size="large" autoFocus autoComplete="off" placeholder="XXXX-XXXX-XXXX" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">{t('下一步', 'Next')}</Button>
    </Form>
  );
}

interface AdminForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

function AdminStep({ initial, password, onChange, onBack, onNext }: { initial: SetupProgress['admin']; password: string; onChange(admin: SetupProgress['admin']): void; onBack(): void; onNext(admin: SetupProgress['admin'], password: string): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<AdminForm>();
  const pw = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? initial.username;
  const score = passwordStrength(pw, username);
  const level = STRENGTH[score];
  return (
    <Form<AdminForm>
      form={form}
      layout="vertical"
      initialValues={{ ...initial, password, confirm: password }}
      requiredMark={false}
      onValuesChange={(_, all) => onChange({ username: all.username ?? '', displayName: all.displayName ?? '' })}
      onFinish={(v) => onNext({ username: v.username.trim(), displayName: v.displayName.trim() }, v.password)}>
      <Typography.Paragraph>{t('创建系统的第一位管理员。', 'Create the first administrator.')}</Typography.Paragraph>
      <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/, message: t('用户名须为 2-64 位字母、数字或 - _ .', '2-64 letters, digits or - _ .') }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true, whitespace: true, max: 100, message: t('请输入姓名', 'Enter a name') }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('密码', 'Password')}
        extra={t('至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，且不含用户名。', 'At least 10 characters of three kinds (upper, lower, digits, symbols), without the username.')}
        rules={[{ validator: (_, v: string | undefined) => { const p = passwordProblem(v ?? '', form.getFieldValue('username') as string); return p ? Promise.reject(new Error(p)) : Promise.resolve(); } }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <div data-testid="password-strength" data-score={score} style={{ marginTop: -12, marginBottom: 16 }}>
        <Progress percent={score * 25} steps={4} showInfo={false} strokeColor={level.color} size="small" />
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{score ? `${t('强度', 'Strength')}：${lang === 'zh' ? level.zh : level.en}` : ''}</Typography.Text>
      </div>
      <Form.Item
        name="confirm"
        label={t('确认密码', 'Confirm password')}
        dependencies={['password']}
        rules={[{ validator: (_, v: string | undefined) => (v === form.getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('两次输入的密码不一致', 'The passwords differ')))) }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Space>
        <Button onClick={onBack}>{t('上一步', 'Back')}</Button>
        <Button type="primary" htmlType="submit">{t('下一步', 'Next')}</Button>
      </Space>
    </Form>
  );
}

function RootStep({ initial, busy, onChange, onBack, onNext }: { initial: SetupProgress['root']; busy: boolean; onChange(root: SetupProgress['root']): void; onBack(): void; onNext(root: SetupProgress['root']): void }) {
  const { t } = useI18n();
  return (
    // Kept as typed, so a closed browser comes back to it.
    <Form<SetupProgress['root']> layout="vertical" initialValues={initial} requiredMark={false} disabled={busy} onValuesChange={(_, all) => onChange({ ...initial, ...all })} onFinish={(v) => onNext({ code: v.code.trim(), name: v.name.trim(), memberCount: v.memberCount })}>
      <Typography.Paragraph>
        {t('本局是组织架构的根单位（如“县教育局党委”）：所有单位都在它之下，领导在这里比较各级单位。', 'The bureau is the root unit of the tree (e.g. 县教育局党委): every unit sits below it.')}
      </Typography.Paragraph>
      <Form.Item name="name" label={t('本局名称', 'Bureau name')} rules={[{ required: true, whitespace: true, max: 200, message: t('请输入本局名称', 'Enter the bureau name') }]}>
        <Input placeholder="县教育局党委" />
      </Form.Item>
      <Form.Item name="code" label={t('单位代码', 'Unit code')} extra={t('字母、数字或 - _ .，导入单位名单时作为上级代码（parentCode）使用', 'Letters, digits or - _ .; the parentCode of top units in the import')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, message: t('单位编码只能包含字母、数字和 - _ .，最长 64 位', 'Letters, digits and - _ . only, at most 64') }]}>
        <Input placeholder="bureau" />
      </Form.Item>
      <Form.Item name="memberCount" label={t('党员数', 'Members')} rules={[{ required: true, message: t('请输入党员数', 'Enter the member count') }]}>
        <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Space>
        <Button onClick={onBack}>{t('上一步', 'Back')}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>{t('完成设置', 'Finish setup')}</Button>
      </Space>
    </Form>
  );
}

interface PeriodForm {
  code: string;
  name?: string;
  range: [Dayjs, Dayjs];
  dueOn: Dayjs;
}

function UnitsStep({ progress, update, onNext }: { progress: SetupProgress; update(p: Partial<SetupProgress>): void; onNext(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<PeriodForm>();
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));

  const runImport = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    const o = await importUnits(file, dryRun);
    setOutcome(o);
    setBusy(false);
    if (!dryRun && o.ok && o.result) update({ imported: (progress.imported ?? 0) + o.result.created });
  };
  const createPeriod = async (v: PeriodForm) => {
    setBusy(true);
    try {
      await ok(api.POST('/api/periods', { body: { code: v.code.trim(), name: v.name?.trim() || undefined, startsOn: iso(v.range[0]), endsOn: iso(v.range[1]), dueOn: iso(v.dueOn) } }));
      update({ period: v.code.trim() });
      void message.success(t(`已创建期次 ${v.code}`, `Period ${v.code} created`));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('以下两项都可以跳过，之后在“组织架构”和“期次管理”中随时完成。', 'Both are optional: you can do them later under the unit tree and periods.')}</Typography.Paragraph>
      <Card size="small" title={t('导入单位名单（可选）', 'Import the unit list (optional)')}>
        <Typography.Paragraph type="secondary">
          {t(`列：code（单位代码）、name（名称）、parentCode（上级代码，顶层单位填本局代码 ${progress.root.code}）、memberCount（党员数）。先“检查”，无误后再“导入”；任何一行有误时不写入任何数据。`, `Columns: code, name, parentCode (${progress.root.code} for top units), memberCount. Check first, then import; nothing is written when any row is bad.`)}{' '}
          <Typography.Link onClick={() => void download('/api/units/import/template.xlsx', '单位导入模板.xlsx').catch(fail)}>{t('下载模板', 'Download the template')}</Typography.Link>
        </Typography.Paragraph>
        <Space wrap>
          <Upload accept=".xlsx,.csv" maxCount={1} beforeUpload={(f) => (setFile(f), setOutcome(null), false)} onRemove={() => (setFile(null), setOutcome(null))} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
            <Button>{t('选择文件', 'Choose file')}</Button>
          </Upload>
          <Button disabled={!file} loading={busy} onClick={() => void runImport(true)}>{t('检查', 'Check')}</Button>
          <Button type="primary" disabled={!file || !outcome?.ok || !outcome.result?.dryRun} loading={busy} onClick={() => void runImport(false)} data-testid="setup-import-run">{t('导入', 'Import')}</Button>
        </Space>
        {outcome && <div style={{ marginTop: 12 }}><ImportReport outcome={outcome} /></div>}
        {!outcome && progress.imported ? <Alert style={{ marginTop: 12 }} type="success" showIcon title={t(`已导入 ${progress.imported} 个单位`, `${progress.imported} units imported`)} /> : null}
      </Card>
      <Card size="small" title={t('首个报送期次（可选）', 'First reporting period (optional)')}>
        {progress.period ? (
          <Alert type="success" showIcon title={t(`已创建期次 ${progress.period}`, `Period ${progress.period} created`)} />
        ) : (
          <Form<PeriodForm> form={form} layout="vertical" initialValues={suggestedPeriod()} onFinish={(v) => void createPeriod(v)} disabled={busy}>
            <Space wrap align="start">
              <Form.Item name="code" label={t('代码', 'Code')} rules={[{ required: true }]}><Input style={{ width: 140 }} /></Form.Item>
              <Form.Item name="name" label={t('名称', 'Name')}><Input style={{ width: 180 }} /></Form.Item>
              <Form.Item name="range" label={t('起止日期', 'From – to')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
              <Form.Item name="dueOn" label={t('报送截止日期', 'Reports due by')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            </Space>
            <Button htmlType="submit">{t('创建期次', 'Create period')}</Button>
          </Form>
        )}
      </Card>
      <Space>
        <Button onClick={onNext}>{t('跳过', 'Skip')}</Button>
        <Button type="primary" onClick={onNext}>{t('下一步', 'Next')}</Button>
      </Space>
    </Space>
  );
}

function MailStep({ saved, onSaved, onBack, onNext }: { saved: boolean; onSaved(): void; onBack(): void; onNext(): void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="setup-mail">
      <Typography.Paragraph>
        {t(
          '设置邮件服务器后，催报提醒和通知也会发到用户的邮箱。可以跳过：之后在“通知与提醒 → 邮件服务器”中随时设置。填写本局邮件服务器的地址和发信账号，保存后发送一封测试邮件确认。',
          'With an e-mail server, reminders and notifications also go to users’ mailboxes. You can skip this and set it later under Notifications & reminders → E-mail server. Enter your mail server and sending account, save, then send a test mail.',
        )}
      </Typography.Paragraph>
      <MailSettingsCard title={t('邮件（可选）', 'E-mail (optional)')} onSaved={onSaved} />
      <Space>
        <Button onClick={onBack}>{t('上一步', 'Back')}</Button>
        <Button onClick={onNext} data-testid="setup-mail-skip">{t('跳过', 'Skip')}</Button>
        <Button type="primary" onClick={onNext} disabled={!saved}>{t('下一步', 'Next')}</Button>
      </Space>
    </Space>
  );
}
