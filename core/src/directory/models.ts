import { Model, snakeCaseMappers, type RelationMappings } from 'objection';

/**
 * Objection models of the directory tables, with camelCase properties. They are not bound to a
 * knex instance (several Préau may run in one process, e.g. tests on two engines): always pass
 * one, `Ecole.query(ctx.knex)` or `Ecole.query(trx)`.
 *
 * Hot paths (a page's `/api/me`, the communication checks) read through `ctx.sql` instead: see
 * docs/adr/0003-data-access.md. The models serve administration and graph reads.
 */
class DirectoryModel extends Model {
  static override get columnNameMappers() {
    return snakeCaseMappers();
  }
}

export class Collectivite extends DirectoryModel {
  static override tableName = 'collectivites';

  id!: number;
  name!: string;
  slug!: string;
  createdAt!: number;
  ecoles?: Ecole[];

  static override get relationMappings(): RelationMappings {
    return {
      ecoles: {
        relation: Model.HasManyRelation,
        modelClass: Ecole,
        join: { from: 'collectivites.id', to: 'ecoles.collectivite_id' },
      },
    };
  }
}

export class Ecole extends DirectoryModel {
  static override tableName = 'ecoles';

  id!: number;
  collectiviteId!: number;
  uai!: string;
  name!: string;
  commune!: string | null;
  circonscription!: string | null;
  createdAt!: number;
  collectivite?: Collectivite;
  classes?: Classe[];

  static override get relationMappings(): RelationMappings {
    return {
      collectivite: {
        relation: Model.BelongsToOneRelation,
        modelClass: Collectivite,
        join: { from: 'ecoles.collectivite_id', to: 'collectivites.id' },
      },
      classes: {
        relation: Model.HasManyRelation,
        modelClass: Classe,
        join: { from: 'ecoles.id', to: 'classes.ecole_id' },
      },
    };
  }
}

export class Classe extends DirectoryModel {
  static override tableName = 'classes';

  id!: number;
  ecoleId!: number;
  name!: string;
  /** Comma-separated levels in school order, as stored: `PS,MS`. */
  levels!: string;
  schoolYear!: string;
  createdAt!: number;
  ecole?: Ecole;

  static override get relationMappings(): RelationMappings {
    return {
      ecole: {
        relation: Model.BelongsToOneRelation,
        modelClass: Ecole,
        join: { from: 'classes.ecole_id', to: 'ecoles.id' },
      },
    };
  }
}

export class Person extends DirectoryModel {
  static override tableName = 'people';

  id!: number;
  uuid!: string;
  firstName!: string;
  lastName!: string;
  email!: string | null;
  birthDate!: string | null;
  createdAt!: number;
  account?: Account | null;
  memberships?: Membership[];
  /** Links where this person is the parent. */
  childLinks?: FamilyLink[];
  /** Links where this person is the child. */
  parentLinks?: FamilyLink[];

  static override get relationMappings(): RelationMappings {
    return {
      account: {
        relation: Model.HasOneRelation,
        modelClass: Account,
        join: { from: 'people.id', to: 'accounts.person_id' },
      },
      memberships: {
        relation: Model.HasManyRelation,
        modelClass: Membership,
        join: { from: 'people.id', to: 'memberships.person_id' },
      },
      childLinks: {
        relation: Model.HasManyRelation,
        modelClass: FamilyLink,
        join: { from: 'people.id', to: 'family_links.parent_id' },
      },
      parentLinks: {
        relation: Model.HasManyRelation,
        modelClass: FamilyLink,
        join: { from: 'people.id', to: 'family_links.child_id' },
      },
    };
  }
}

export class Account extends DirectoryModel {
  static override tableName = 'accounts';
  static override idColumn = 'person_id';

  personId!: number;
  login!: string;
  passwordHash!: string | null;
  activatedAt!: number | null;
  blockedAt!: number | null;
  passwordChangedAt!: number | null;
  person?: Person;

  static override get relationMappings(): RelationMappings {
    return {
      person: {
        relation: Model.BelongsToOneRelation,
        modelClass: Person,
        join: { from: 'accounts.person_id', to: 'people.id' },
      },
    };
  }
}

export class Membership extends DirectoryModel {
  static override tableName = 'memberships';

  id!: number;
  personId!: number;
  ecoleId!: number;
  profile!: string;
  classId!: number | null;
  createdAt!: number;
  person?: Person;
  ecole?: Ecole;
  classe?: Classe | null;

  static override get relationMappings(): RelationMappings {
    return {
      person: {
        relation: Model.BelongsToOneRelation,
        modelClass: Person,
        join: { from: 'memberships.person_id', to: 'people.id' },
      },
      ecole: {
        relation: Model.BelongsToOneRelation,
        modelClass: Ecole,
        join: { from: 'memberships.ecole_id', to: 'ecoles.id' },
      },
      classe: {
        relation: Model.BelongsToOneRelation,
        modelClass: Classe,
        join: { from: 'memberships.class_id', to: 'classes.id' },
      },
    };
  }
}

export class FamilyLink extends DirectoryModel {
  static override tableName = 'family_links';
  static override idColumn = ['parent_id', 'child_id'];

  parentId!: number;
  childId!: number;
  /** 0/1 from the database: read it with `Boolean(link.legalRepresentative)`. */
  legalRepresentative!: boolean | number;
  parent?: Person;
  child?: Person;

  static override get relationMappings(): RelationMappings {
    return {
      parent: {
        relation: Model.BelongsToOneRelation,
        modelClass: Person,
        join: { from: 'family_links.parent_id', to: 'people.id' },
      },
      child: {
        relation: Model.BelongsToOneRelation,
        modelClass: Person,
        join: { from: 'family_links.child_id', to: 'people.id' },
      },
    };
  }
}
