// What a front end does with the client generated from the public OpenAPI document: find stations, submit a case,
// track it as the citizen, and read the case's timeline as staff. tools/contract/check type-checks it with
// `tsc --strict`: were any body untyped, or a field renamed in the code, this would not compile.
import createClient from 'openapi-fetch';
import type { components, paths } from '../generated/lianluo-api';

type CaseRequest = components['schemas']['CaseRequest'];
type Status = components['schemas']['CaseStatus'];

const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:8080' });

export async function stationsOf(region: string): Promise<string[]> {
  const { data, error } = await api.GET('/api/v1/stations', { params: { query: { region, type: 'STATION', size: 20 } } });
  if (error) throw new Error(`${error.status} ${error.title}`);
  const total: number = data.total;
  return data.items.map(s => `${s.name} (${s.typeName}) ${s.nextReceptionDays.map(d => d.date).join(', ')} / ${total}`);
}

export async function submit(stationId: string): Promise<{ id: string; trackingCode: string; status: Status }> {
  const body: CaseRequest = {
    title: '村道路灯损坏',
    content: '边城镇茶峒村主干道路灯损坏已一个月,夜间出行不便。',
    category: 'INFRASTRUCTURE',
    regionCode: '433124108',
    stationId,
    citizen: { name: '张三', phone: '13812341234' },
  };
  const { data, error, response } = await api.POST('/api/v1/cases', { body });
  if (error) throw new Error(`${response.status}: ${error.detail ?? error.title}`);
  return { id: data.id, trackingCode: data.trackingCode, status: data.status };
}

export async function track(trackingCode: string, phone: string): Promise<string[]> {
  const { data, error } = await api.GET('/api/v1/cases/track/{trackingCode}', {
    params: { path: { trackingCode }, query: { phone } },
  });
  if (error) throw new Error(error.title);
  const canRate: boolean = data.canRate;
  return data.timeline.map(e => `${e.at} ${e.actionName} ${e.unitName ?? ''} ${canRate ? '可评价' : ''}`);
}

export async function timeline(id: string, token: string): Promise<string[]> {
  const { data, error } = await api.GET('/api/v1/cases/{id}', {
    params: { path: { id } },
    headers: { Authorization: `Bearer ${token}` },
  });
  if (error) throw new Error(error.title);
  const next: string[] = data.allowedCommands.map(c => `${c}`);
  return data.timeline.map(e => `${e.at} ${e.actionName} (${e.actorRole}) → ${e.status}; next: ${next.join('/')}`);
}
