/** A repository as a payload names it: enough to address it on GitHub and key it in the store. */
export interface RepositoryRef {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
}

/** A repository Steward is installed on, as the `repositories` table keeps it. */
export interface RepositoryRecord {
  id: number;
  installationId: number;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
}
