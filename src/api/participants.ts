/** Sidebar endpoints: see participants-contract.ts. */
export {};
