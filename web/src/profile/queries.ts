/** Data hooks for a person's profile: the user, their contact methods and their notification rules. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.js';
import type { paths } from '../api/schema.js';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type ContactMethod = Schemas['ContactMethod'];
export type NotificationRule = Schemas['NotificationRule'];
export type CreateContactMethodBody = Body<'/api/v1/users/{id}/contact-methods', 'post'>;
export type ContactType = CreateContactMethodBody['type'];
export type UpdateContactMethodBody = Body<'/api/v1/users/{id}/contact-methods/{cid}', 'patch'>;
export type CreateRuleBody = Body<'/api/v1/users/{id}/notification-rules', 'post'>;
export type UpdateRuleBody = Body<'/api/v1/users/{id}/notification-rules/{rid}', 'patch'>;
export type Urgency = CreateRuleBody['urgency'];

const methodsKey = (userId: string) => ['users', userId, 'contact-methods'] as const;
const rulesKey = (userId: string) => ['users', userId, 'notification-rules'] as const;
const cm = (id: string, cid: string) => ({ params: { path: { id, cid } } });

export function useUser(id: string) {
  return useQuery({ queryKey: ['users', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })), enabled: Boolean(id) });
}

// ---- contact methods ----

export function useContactMethods(userId: string) {
  return useQuery({
    queryKey: methodsKey(userId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/users/{id}/contact-methods', { params: { path: { id: userId } } }))).data,
  });
}

export function useCreateContactMethod(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactMethodBody) => unwrap(api.POST('/api/v1/users/{id}/contact-methods', { params: { path: { id: userId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: methodsKey(userId) }),
  });
}

export function useUpdateContactMethod(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { cid: string; body: UpdateContactMethodBody }) => unwrap(api.PATCH('/api/v1/users/{id}/contact-methods/{cid}', { ...cm(userId, v.cid), body: v.body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: methodsKey(userId) }),
  });
}

export function useDeleteContactMethod(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cid: string) => unwrap(api.DELETE('/api/v1/users/{id}/contact-methods/{cid}', cm(userId, cid))),
    // Its rules went with it.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: methodsKey(userId) }), qc.invalidateQueries({ queryKey: rulesKey(userId) })]),
  });
}

export function useSendVerification(userId: string) {
  return useMutation({ mutationFn: (cid: string) => unwrap(api.POST('/api/v1/users/{id}/contact-methods/{cid}/verify', cm(userId, cid))) });
}

export function useConfirmVerification(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { cid: string; code: string }) => unwrap(api.POST('/api/v1/users/{id}/contact-methods/{cid}/verify/confirm', { ...cm(userId, v.cid), body: { code: v.code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: methodsKey(userId) }),
  });
}

export function useTestContactMethod(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cid: string) => unwrap(api.POST('/api/v1/users/{id}/contact-methods/{cid}/test', cm(userId, cid))),
    // A failed test counts towards disabling the method.
    onSettled: () => qc.invalidateQueries({ queryKey: methodsKey(userId) }),
  });
}

// ---- notification rules ----

export function useNotificationRules(userId: string) {
  return useQuery({
    queryKey: rulesKey(userId),
    queryFn: async () => (await unwrap(api.GET('/api/v1/users/{id}/notification-rules', { params: { path: { id: userId } } }))).data,
  });
}

export function useCreateRule(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRuleBody) => unwrap(api.POST('/api/v1/users/{id}/notification-rules', { params: { path: { id: userId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey(userId) }),
  });
}

export function useUpdateRule(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { rid: string; body: UpdateRuleBody }) =>
      unwrap(api.PATCH('/api/v1/users/{id}/notification-rules/{rid}', { params: { path: { id: userId, rid: v.rid } }, body: v.body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey(userId) }),
  });
}

export function useDeleteRule(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rid: string) => unwrap(api.DELETE('/api/v1/users/{id}/notification-rules/{rid}', { params: { path: { id: userId, rid } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey(userId) }),
  });
}

/** The throttle in force per contact type: more messages than `max` per window are bundled. */
export function useNotificationLimits() {
  return useQuery({
    queryKey: ['notification-limits'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/notification-limits'))).limits,
    staleTime: 10 * 60_000,
  });
}
