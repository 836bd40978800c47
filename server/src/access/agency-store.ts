/** @module agency-store — the port for the agency directory: who can be responsible for a step. */

/** What kind of body an agency is; open-ended because provinces organise differently (DOMAIN.md "agency"). */
export type AgencyKind =
  | 'province'
  | 'oneStopCentre'
  | 'department'
  | 'commune'
  | 'police'
  | 'socialInsurance'
  | 'tax'
  | 'landRegistration'
  | (string & {});

export interface Department {
  id: string;
  name: string;
}

export interface AgencyRecord {
  /** The national agency identifier used in dossier codes (e.g. `000.00.64.H10`), or a short demo code. */
  id: string;
  name: string;
  /** The province the agency belongs to (two digits): administrators of that province alone manage it. */
  provinceCode: string;
  parentId?: string;
  kind: AgencyKind;
  departments: Department[];
}

export interface AgencyStore {
  get(id: string): Promise<AgencyRecord | undefined>;
  /** Every agency, in id order. */
  list(): Promise<AgencyRecord[]>;
  /** Creates the agency, or replaces the stored one with the same id. */
  put(agency: AgencyRecord): Promise<AgencyRecord>;
}
