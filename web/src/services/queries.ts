/** Data hooks for services, their integrations and their maintenance windows. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.js';
import type { paths } from '../api/schema.js';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Service = Schemas['Service'];
export type Integration = Schemas['Integration'];
export type IntegrationType = Integration['type'];
export type MaintenanceWindow = Schemas['MaintenanceWindow'];
export type WindowState = MaintenanceWindow['state'];
export type CreateServiceBody = Body<'/api/v1/services', 'post'>;
export type UpdateServiceBody = Body<'/api/v1/services/{id}', 'patch'>;
export type CreateIntegrationBody = Body<'/api/v1/services/{id}/integrations', 'post'>;
export type UpdateIntegrationBody = Body<'/api/v1/services/{id}/integrations/{iid}', 'patch'>;
export type CreateWindowBody = Body<'/api/v1/maintenance-windows', 'post'>;
export type DryRunBody = Body<'/api/v1/integrations/generic/dry-run', 'post'>;

// ---- services ----

/** Every service (up to 500): the list page and the pickers. */
export function useServices() {
  return useQuery({
    queryKey: ['services', 'list'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: { limit: 500 } } }))).data,
  });
}

export function useService(id: string) {
  return useQuery({ queryKey: ['services', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/services/{id}', { params: { path: { id } } })) });
}

export function useCreateService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateServiceBody) => unwrap(api.POST('/api/v1/services', { body })),
    onSuccess: (s) => {
      qc.setQueryData(['services', 'one', s.id], s);
      return qc.invalidateQueries({ queryKey: ['services', 'list'] });
    },
  });
}

export function useUpdateService(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateServiceBody) => unwrap(api.PATCH('/api/v1/services/{id}', { params: { path: { id } }, body })),
    onSuccess: (s) => {
      qc.setQueryData(['services', 'one', id], s);
      return qc.invalidateQueries({ queryKey: ['services', 'list'] });
    },
  });
}

export function useDeleteService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/services/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['services', 'list'] }),
  });
}

// ---- integrations ----

const integrationsKey = (serviceId: string) => ['services', serviceId, 'integrations'] as const;

export function useIntegrations(serviceId: string) {
  return useQuery({
    queryKey: integrationsKey(serviceId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/services/{id}/integrations', { params: { path: { id: serviceId } } }))).data,
  });
}

export function useCreateIntegration(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIntegrationBody) => unwrap(api.POST('/api/v1/services/{id}/integrations', { params: { path: { id: serviceId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: integrationsKey(serviceId) }),
  });
}

export function useUpdateIntegration(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { iid: string; body: UpdateIntegrationBody }) =>
      unwrap(api.PATCH('/api/v1/services/{id}/integrations/{iid}', { params: { path: { id: serviceId, iid: v.iid } }, body: v.body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: integrationsKey(serviceId) }),
  });
}

export function useRotateIntegrationKey(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (iid: string) => unwrap(api.POST('/api/v1/services/{id}/integrations/{iid}/rotate-key', { params: { path: { id: serviceId, iid } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: integrationsKey(serviceId) }),
  });
}

export function useDeleteIntegration(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (iid: string) => unwrap(api.DELETE('/api/v1/services/{id}/integrations/{iid}', { params: { path: { id: serviceId, iid } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: integrationsKey(serviceId) }),
  });
}

export function useGenericDryRun() {
  return useMutation({ mutationFn: (body: DryRunBody) => unwrap(api.POST('/api/v1/integrations/generic/dry-run', { body })) });
}

// ---- maintenance windows ----

const windowsKey = (serviceId: string) => ['maintenance-windows', serviceId] as const;

/** A service's windows in one state (past ones: the latest 100). */
export function useMaintenanceWindows(serviceId: string, state: WindowState) {
  return useQuery({
    queryKey: [...windowsKey(serviceId), state],
    queryFn: async () => (await unwrap(api.GET('/api/v1/maintenance-windows', { params: { query: { service_id: serviceId, state, limit: 100 } } }))).data,
    // A future window becomes active, an active one past, without anyone doing anything.
    refetchInterval: 60_000,
  });
}

export function useCreateWindow(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWindowBody) => unwrap(api.POST('/api/v1/maintenance-windows', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: windowsKey(serviceId) }),
  });
}

export function useEndWindow(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/maintenance-windows/{id}/end', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: windowsKey(serviceId) }),
  });
}

export function useDeleteWindow(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/maintenance-windows/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: windowsKey(serviceId) }),
  });
}
