/** @module agencyNames — agency and department names by id, read once per page from `GET /api/agencies`. */
import { workspaceApi, type AgencyInfo } from './workspace-api';

export interface AgencyNames {
  agency(id: string | undefined): string;
  department(id: string | undefined): string;
  list: AgencyInfo[];
}

export async function loadAgencyNames(): Promise<AgencyNames> {
  const list = await workspaceApi.agencies().catch(() => [] as AgencyInfo[]);
  const agencies = new Map(list.map((agency) => [agency.id, agency.name]));
  const departments = new Map(list.flatMap((agency) => agency.departments.map((department) => [department.id, department.name] as const)));
  return {
    agency: (id) => (id ? (agencies.get(id) ?? id) : ''),
    department: (id) => (id ? (departments.get(id) ?? id) : ''),
    list,
  };
}
