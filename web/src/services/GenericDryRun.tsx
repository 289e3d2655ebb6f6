/** A generic webhook's templates: edit them, render them against a pasted sample, save them. */
import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { useGenericDryRun, useUpdateIntegration, type Integration } from './queries.js';

const TEMPLATE_FIELDS = ['summary', 'severity', 'dedup_key', 'action', 'source'] as const;
type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** What the server uses for a template left empty. */
const DEFAULTS: Record<TemplateField, string> = {
  summary: '{{ body.summary | default: body.title | default: body.message }}',
  severity: 'warning',
  dedup_key: '(none: every event opens its own alert)',
  action: 'trigger',
  source: 'generic',
};

const SAMPLE = `{
  "check": "disk",
  "host": "db1",
  "state": "firing",
  "level": "high"
}`;

function templatesOf(config: unknown): Record<TemplateField, string> {
  const c = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const out = {} as Record<TemplateField, string>;
  for (const f of TEMPLATE_FIELDS) out[f] = typeof c[f] === 'string' ? (c[f] as string) : '';
  return out;
}

export function GenericDryRun({ serviceId, integration }: { serviceId: string; integration: Integration }) {
  const [templates, setTemplates] = useState(() => templatesOf(integration.config));
  const [sample, setSample] = useState(SAMPLE);
  const [sampleError, setSampleError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const dryRun = useGenericDryRun();
  const update = useUpdateIntegration(serviceId);
  const base = useId();
  const id = (f: string) => `${base}-${f}`;

  const config = Object.fromEntries(TEMPLATE_FIELDS.filter((f) => templates[f].trim() !== '').map((f) => [f, templates[f]]));
  const result = dryRun.data;
  // Template problems (from the dry run or from saving) go beside their template.
  const saveProblems = formProblems(update.error, TEMPLATE_FIELDS.map((f) => `config/${f}`));
  const templateError = (f: TemplateField) => result?.errors.find((e) => e.field === `config/${f}`)?.message ?? saveProblems.fields[`config/${f}`];
  const otherErrors = result?.errors.filter((e) => !e.field.startsWith('config/')) ?? [];

  const render = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    let parsed: unknown;
    try {
      parsed = JSON.parse(sample);
    } catch (err) {
      setSampleError(`Not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    setSampleError(undefined);
    dryRun.mutate({ config, sample: parsed });
  };

  const save = () => {
    setSaved(false);
    update.mutate({ iid: integration.id, body: { config } }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="subform svc-dryrun" onSubmit={render} noValidate aria-label={`Templates of ${integration.name}`}>
      <h4>Templates and dry run</h4>
      <p className="muted small">
        Each field is a Liquid template rendered against <code>{'{ body }'}</code>, the JSON that was posted. Empty fields use the default shown.
      </p>
      {saveProblems.summary && Object.keys(saveProblems.fields).length === 0 ? <Alert title="Templates not saved">{saveProblems.summary}</Alert> : null}
      {saved ? (
        <Alert tone="success" title="Templates saved">
          New events to this integration use them from now on.
        </Alert>
      ) : null}
      <div className="svc-dryrun__grid">
        <div className="svc-dryrun__templates">
          {TEMPLATE_FIELDS.map((f) => (
            <Field key={f} id={id(f)} label={f} error={templateError(f)}>
              <input
                id={id(f)}
                className="svc-mono-input"
                value={templates[f]}
                placeholder={DEFAULTS[f]}
                onChange={(e) => setTemplates({ ...templates, [f]: e.target.value })}
                autoComplete="off"
                spellCheck={false}
                {...describedBy(id(f), templateError(f))}
              />
            </Field>
          ))}
        </div>
        <Field id={id('sample')} label="Sample body (JSON)" error={sampleError} className="svc-dryrun__sample">
          <textarea id={id('sample')} className="svc-mono-input" rows={11} value={sample} onChange={(e) => setSample(e.target.value)} spellCheck={false} {...describedBy(id('sample'), sampleError)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={dryRun.isPending}>
          Render sample
        </Button>
        <Button busy={update.isPending} onClick={save}>
          Save templates
        </Button>
      </div>
      {dryRun.error ? <Alert title="The dry run failed">{dryRun.error.message}</Alert> : null}
      {result ? (
        <div className="svc-dryrun__result" role="status" aria-label="Dry run result">
          <p>
            {result.valid ? <span className="svc-verdict svc-verdict--ok">This sample makes a valid event</span> : <span className="svc-verdict svc-verdict--bad">This sample would be refused</span>}
          </p>
          <table className="table svc-dryrun__table" aria-label="Rendered fields">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Rendered</th>
                <th scope="col">Event</th>
              </tr>
            </thead>
            <tbody>
              {TEMPLATE_FIELDS.map((f) => {
                const ev = result.event as Record<string, unknown> | null;
                const value = ev ? ev[f] : undefined;
                return (
                  <tr key={f}>
                    <th scope="row">{f}</th>
                    <td>
                      <code>{result.rendered[f] ?? ''}</code>
                    </td>
                    <td>{value === null || value === undefined ? <span className="muted">—</span> : <code>{String(value)}</code>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {otherErrors.length ? (
            <ul className="svc-dryrun__errors">
              {otherErrors.map((e) => (
                <li key={`${e.field}:${e.message}`} className="field__error">
                  <strong>{e.field}</strong>: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
