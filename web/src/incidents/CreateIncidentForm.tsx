import { useId, useState, type FormEvent } from 'react';
import { useAllUsers } from '../access/queries.js';
import { Link } from '../router/router.js';
import type { Service } from '../services/queries.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { useCreateIncident, type CreateIncidentBody, type Incident } from './queries.js';

const FIELDS = ['service_id', 'title', 'description', 'urgency', 'priority', 'assignees'] as const;

/** A manual page: someone saw something and wants people on it now. */
export function CreateIncidentForm({ services, onCreated, onCancel }: { services: Service[]; onCreated: (inc: Incident) => void; onCancel: () => void }) {
  const create = useCreateIncident();
  const users = useAllUsers();
  const [serviceId, setServiceId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<'' | 'high' | 'low'>('');
  const [priority, setPriority] = useState('');
  const [assignee, setAssignee] = useState('');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, FIELDS);
  const err = problems.fields;
  const active = services.filter((s) => s.status === 'active');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CreateIncidentBody = {
      service_id: serviceId,
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(urgency ? { urgency } : {}),
      ...(priority.trim() ? { priority: priority.trim() } : {}),
      ...(assignee ? { assignees: [assignee] } : {}),
    };
    create.mutate(body, { onSuccess: onCreated });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title-h')}>
      <h3 id={id('title-h')}>New incident</h3>
      {services.length === 0 ? (
        <Alert tone="info" title="No services yet">
          Incidents belong to a service. <Link to="/services">Create a service</Link> first.
        </Alert>
      ) : null}
      {problems.summary ? <Alert title="The incident was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('service_id')} label="Service" error={err.service_id}>
          <select id={id('service_id')} name="service_id" value={serviceId} onChange={(e) => setServiceId(e.target.value)} {...describedBy(id('service_id'), err.service_id)}>
            <option value="">Choose a service…</option>
            {active.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('title')} label="Title" error={err.title} className="form-grid__wide" hint="What is wrong, in a line, e.g. “Checkout returns 502 for EU customers”">
          <input id={id('title')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" {...describedBy(id('title'), err.title, true)} />
        </Field>
        <Field id={id('description')} label="Description" optional error={err.description} className="form-grid__wide">
          <textarea id={id('description')} name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} {...describedBy(id('description'), err.description)} />
        </Field>
        <Field id={id('urgency')} label="Urgency" error={err.urgency} hint="High pages at once; low follows the low-urgency rules">
          <select id={id('urgency')} name="urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as typeof urgency)} {...describedBy(id('urgency'), err.urgency, true)}>
            <option value="">The service’s default</option>
            <option value="high">High</option>
            <option value="low">Low</option>
          </select>
        </Field>
        <Field id={id('priority')} label="Priority" optional error={err.priority} hint="e.g. P1">
          <input id={id('priority')} name="priority" value={priority} onChange={(e) => setPriority(e.target.value)} autoComplete="off" {...describedBy(id('priority'), err.priority, true)} />
        </Field>
        <Field id={id('assignees')} label="Assign to" optional error={err.assignees} hint="Without anyone, the service’s escalation pages">
          <select id={id('assignees')} name="assignees" value={assignee} onChange={(e) => setAssignee(e.target.value)} {...describedBy(id('assignees'), err.assignees, true)}>
            <option value="">Nobody in particular</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create incident'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
