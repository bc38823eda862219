// Drag-and-drop upload with a progress bar, then the report's status followed live until it is
// extracted or failed (with the reason and what to do).
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import type { ReportDetail } from '../../../hooks/queries';
import { usePolling } from '../../../hooks/use-polling';
import { useI18n } from '../../../i18n/i18n';
import { ACCEPT, failureAdvice, uploadReport } from '../upload';
import { UPLOAD_TYPES_TEXT, UPLOAD_WPS_HINT } from '@thermocline/contracts';

interface Props {
  unitCode: string;
  periodCode: string;
  /** Called when a new version has finished (extracted or failed) so the page reloads it. */
  onSettled(reportId: number): void;
}

export function reportStep(status: ReportDetail['status'] | 'uploading' | undefined): number {
  switch (status) {
    case 'uploading':
      return 0;
    case 'queued':
      return 1;
    case 'processing':
      return 2;
    case 'extracted':
    case 'failed':
      return 3;
    default:
      return 0;
  }
}

export function UploadPanel({ unitCode, periodCode, onSettled }: Props) {
  const { t } = useI18n();
  const [percent, setPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [followId, setFollowId] = useState<number | null>(null);
  const [retrying, setRetrying] = useState(false);

  const follow = usePolling(
    followId ? () => ok(api.GET('/api/reports/{id}', { params: { path: { id: followId } } })) : null,
    (r) => {
      const settled = r.status === 'extracted' || r.status === 'failed';
      if (settled) onSettled(r.id);
      return settled;
    },
    [followId],
  );
  const status = follow.value?.status ?? (percent !== null && !followId ? 'uploading' : undefined);

  const start = (file: File) => {
    setUploadError(null);
    setNotice(null);
    setFollowId(null);
    setPercent(0);
    uploadReport(file, unitCode, periodCode, setPercent).promise.then(
      (res) => {
        if (res.duplicate) setNotice(t(`这份文件已上传过（第 ${res.version} 版），未重复保存。`, `This exact file was already uploaded (version ${res.version}); nothing new was stored.`));
        setFollowId(res.id);
      },
      (e: unknown) => {
        setPercent(null);
        setUploadError(e instanceof ApiError ? e.message : String(e));
      },
    );
    return false;
  };

  const retry = async () => {
    if (!followId) return;
    setRetrying(true);
    try {
      await ok(api.POST('/api/reports/{id}/retry', { params: { path: { id: followId } } }));
      const id = followId;
      setFollowId(null);
      setTimeout(() => setFollowId(id), 0);
    } catch (e) {
      setUploadError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setRetrying(false);
    }
  };

  const failed = follow.value?.status === 'failed';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div data-testid="upload-dragger">
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        beforeUpload={start}
        disabled={status === 'uploading' || status === 'queued' || status === 'processing'}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('将报告文件拖到这里，或点击选择文件', 'Drop the report here, or click to choose a file')}</p>
        <p className="ant-upload-hint">{t(`支持 ${UPLOAD_TYPES_TEXT.zh}；${UPLOAD_WPS_HINT.zh}。重新上传会生成新版本，旧版本保留。`, `${UPLOAD_TYPES_TEXT.en}; ${UPLOAD_WPS_HINT.en}. Uploading again makes a new version; earlier ones are kept.`)}</p>
      </Upload.Dragger>
      </div>
      {percent !== null && (
        <div data-testid="upload-progress">
          <Progress percent={percent} status={uploadError ? 'exception' : percent < 100 ? 'active' : 'success'} />
          <Steps
            size="small"
            current={reportStep(status)}
            status={failed ? 'error' : status === 'extracted' ? 'finish' : 'process'}
            items={[
              { title: t('上传', 'Upload') },
              { title: t('排队', 'Queued') },
              { title: t('抽取中', 'Reading') },
              { title: failed ? t('失败', 'Failed') : t('已抽取', 'Extracted') },
            ]}
          />
          <Typography.Text type="secondary" data-testid="report-status" data-status={status ?? ''}>
            {status === 'uploading' && t('正在上传……', 'Uploading…')}
            {status === 'queued' && t('已上传，等待抽取……', 'Uploaded, waiting to be read…')}
            {status === 'processing' && t('正在抽取数字……', 'Reading the figures…')}
            {status === 'extracted' && t('已抽取，请在下方核对数字。', 'Extracted: please review the figures below.')}
            {status === 'failed' && t('抽取失败', 'Extraction failed')}
          </Typography.Text>
        </div>
      )}
      {notice && <Alert type="info" showIcon title={notice} />}
      {uploadError && <Alert type="error" showIcon title={t('上传失败', 'Upload failed')} description={uploadError} role="alert" />}
      {follow.error && follow.polling && <Alert type="warning" showIcon title={t(`状态暂时无法获取：${follow.error.message}（正在重试）`, `Status unavailable: ${follow.error.message} (retrying)`)} />}
      {failed && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={follow.value?.error ?? t('抽取失败', 'Extraction failed')}
          description={failureAdvice(follow.value?.error, t)}
          action={
            <Button size="small" onClick={() => void retry()} loading={retrying}>
              {t('重试', 'Retry')}
            </Button>
          }
        />
      )}
    </Space>
  );
}
