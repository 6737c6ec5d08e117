import { createContext } from 'react';
import type { OrganisationSearchState } from '@tuo/shared/api/organisations';

/** The question page's directory searches as the server left them, by field name. */
export const OrganisationSearchContext = createContext<Readonly<Record<string, OrganisationSearchState>>>({});
