import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { cellText, type ItemScore, type UnitSheet } from './sheet';

const KIND = { reach: ['达标计分', 'target'], deduct: ['扣分项', 'deduction'], manual: ['人工评分', 'manual'] } as const;

/** One unit's 评分表: every item with its score, how it was reached, the sentences behind it, and manual entry. */
export function UnitSheetDrawer({ period, pinned, sheet, onClose, onSaved }: { period: string; pinned: boolean; sheet: UnitSheet | null; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Drawer open width={720} onClose={onClose} title={sheet ? t(`${sheet.name} · 评分表`, `${sheet.name} · score sheet`) : ''} destroyOnHidden>
      {!sheet ? (
        <Alert type="warning" showIcon title={t('单位不存在或不在您的管辖范围内', 'Unit not found or outside your scope')} />
      ) : (
        <>
          <Descriptions size="small" column={3} items={[
            { label: t('合计', 'Total'), children: <b data-testid="sheet-total">{sheet.total}</b> },
            { label: t('名次', 'Rank'), children: sheet.rank },
            { label: t('待人工评分', 'To score'), children: sheet.unscored },
          ]} />
          {pinned && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('该期次已关闭，得分不能再修改。', 'This period is closed; scores are final.')} />}
          <List<ItemScore>
            dataSource={sheet.items}
            renderItem={(it) => (
              <List.Item data-testid={`sheet-item-${it.id}`} style={{ display: 'block' }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                  <div>
                    <Typography.Text type="secondary">{it.section} · </Typography.Text>
                    <Typography.Text strong>{it.title}</Typography.Text> <Tag>{t(KIND[it.kind][0], KIND[it.kind][1])}</Tag>
                  </div>
                  <Space>
                    <Typography.Text strong data-testid="sheet-item-score">
                      {cellText(it.score)} / {it.points}
                    </Typography.Text>
                    {!it.auto && it.score !== null && <Tag color="blue">{t('人工', 'manual')}</Tag>}
                    {!pinned && (
                      <Button size="small" onClick={() => setEditing(editing === it.id ? null : it.id)}>
                        {it.kind === 'manual' ? t('评分', 'Score') : t('调整', 'Override')}
                      </Button>
                    )}
                  </Space>
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                  {it.explain}
                  {!it.auto && it.autoScore !== null && t(`（自动得分 ${it.autoScore}）`, ` (automatic ${it.autoScore})`)}
                </Typography.Paragraph>
                {it.note && <Typography.Paragraph style={{ margin: '4px 0' }}>{t(`评分理由：${it.note}${it.scoredBy ? `（${it.scoredBy}）` : ''}`, `Reason: ${it.note}`)}</Typography.Paragraph>}
                {it.evidence.length > 0 && (
                  <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="sheet-evidence">
                    {it.evidence.map((e, i) => (
                      <li key={i}>
                        {e.reportId ? <Link to={`/reports/${e.reportId}`}>{e.text}</Link> : e.text}
                      </li>
                    ))}
                  </ul>
                )}
                {editing === it.id && <ScoreForm period={period} unitCode={sheet.code} item={it} onDone={() => { setEditing(null); onSaved(); }} />}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

function ScoreForm({ period, unitCode, item, onDone }: { period: string; unitCode: string; item: ItemScore; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ score: number | null; reason: string }>();
  const send = async (score: number | null, reason: string) => {
    setBusy(true);
    try {
      await ok(api.PUT('/api/assessment/scores', { body: { period, unitCode, itemId: item.id, score, reason } }));
      message.success(t('已保存，并记入审计日志', 'Saved and audited'));
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="inline" style={{ marginTop: 8 }} initialValues={{ score: item.score, reason: item.note ?? '' }} onFinish={(v) => void send(v.score ?? 0, v.reason)}>
      <Form.Item name="score" label={t('得分', 'Score')} rules={[{ required: true, message: t('请填写得分', 'Enter a score') }]}>
        <InputNumber min={0} max={item.points} step={0.5} aria-label={t('得分', 'Score')} />
      </Form.Item>
      <Form.Item name="reason" label={t('理由', 'Reason')} rules={[{ required: true, whitespace: true, message: t('请填写评分理由（依据、台账名称等）', 'Give a reason') }]}>
        <Input.TextArea autoSize maxLength={500} style={{ width: 260 }} aria-label={t('理由', 'Reason')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('保存', 'Save')}
        </Button>
        {!item.auto && item.kind !== 'manual' && (
          <Button disabled={busy} onClick={() => void form.validateFields(['reason']).then((v) => send(null, v.reason))}>
            {t('恢复自动得分', 'Back to automatic')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
