// Questions asked of the store: filings, who bought and sold, holdings over time, cluster
// buying, late filers, 10b5-1 sales, search. Plain SQL through Store.all, the same on
// SQLite and PostgreSQL; current rows (after amendments) unless `asFiled`.
export { findFilings, getFiling, getRawDocument, FilingRow, FilingDetail, type RawDocument } from './filings.ts';
export { insiderActivity, issuerActivity, categoryOf, CATEGORIES, Category, InsiderActivityRow, IssuerActivityRow } from './activity.ts';
export { holdingsHistory, HoldingRow } from './holdings.ts';
export { clusterBuying, ClusterRow, ClusterMember } from './clusters.ts';
export { lateFilers, LateFilerRow } from './late-filers.ts';
export { planSales, PlanSalesRow } from './plan-sales.ts';
export { search, SearchRow } from './search.ts';
export { issuerProfile, insiderProfile, IssuerProfile, InsiderProfile } from './profiles.ts';
export { issuerNames, ownerNames, type IssuerNames, type OwnerNames } from './names.ts';
export { resolveTicker, type Page } from './sql.ts';
export * from './query-params.ts';
