/** @module public-user-schema — the OpenAPI schema of a user as the API shows it (never the password hash). */
import { z } from '@hono/zod-openapi';
import { ROLES } from './role';

export const PublicUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    provinceCode: z.string().describe('The province the user belongs to (two digits)'),
    role: z.enum(ROLES as [string, ...string[]]),
    agencyId: z.string(),
    departmentId: z.string().optional(),
    supervisorScope: z.union([z.literal('province'), z.literal('national'), z.object({ agencyIds: z.array(z.string()) })]).optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    disabled: z.boolean().optional(),
  })
  .openapi('User');
