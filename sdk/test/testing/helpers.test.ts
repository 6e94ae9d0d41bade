import { expect } from 'chai';

import {
  fixtureLoginFor,
  fixtureProfilesIn,
  resolvePath,
  testEngines,
} from '../../src/testing/index.js';

describe('@preau/sdk/testing helpers', () => {
  describe('testEngines', () => {
    const saved = process.env.PREAU_TEST_DATABASES;
    afterEach(() => {
      if (saved === undefined) delete process.env.PREAU_TEST_DATABASES;
      else process.env.PREAU_TEST_DATABASES = saved;
    });

    it('runs on SQLite and MariaDB unless told otherwise', () => {
      delete process.env.PREAU_TEST_DATABASES;
      expect(testEngines()).to.deep.equal(['sqlite', 'mariadb']);
    });

    it('runs on the engines PREAU_TEST_DATABASES lists', () => {
      process.env.PREAU_TEST_DATABASES = ' sqlite ';
      expect(testEngines()).to.deep.equal(['sqlite']);
    });

    it('refuses an engine it does not know, naming it', () => {
      process.env.PREAU_TEST_DATABASES = 'sqlite,postgres';
      expect(() => testEngines()).to.throw('postgres');
    });
  });

  describe('fixture people', () => {
    it('picks the documented person for each profile of A1', () => {
      expect(fixtureLoginFor('ELV')).to.equal('eleve.cm1a');
      expect(fixtureLoginFor('TUT')).to.equal('parent.a1');
      expect(fixtureLoginFor('ENS')).to.equal('enseignant.cm1a');
      expect(fixtureLoginFor('DIR')).to.equal('directeur.a1');
      expect(fixtureLoginFor('COL')).to.equal('atsem.a1');
    });

    it('picks people of another école, and nobody for a profile absent there', () => {
      expect(fixtureLoginFor('ENS', 'a2')).to.equal('enseignant.a2');
      expect(fixtureLoginFor('TUT', 'b1')).to.equal('parent.b1');
      expect(fixtureLoginFor('COL', 'b1')).to.equal(undefined);
    });

    it('lists the profiles held in each école', () => {
      expect(fixtureProfilesIn('a1')).to.have.members([
        'ELV',
        'TUT',
        'ENS',
        'DIR',
        'COL',
        'ACA',
        'PRT',
      ]);
      expect(fixtureProfilesIn('a2')).to.have.members(['ACA', 'ENS']);
      expect(fixtureProfilesIn('b1')).to.have.members(['ELV', 'TUT', 'ENS']);
    });
  });

  describe('resolvePath', () => {
    const prefix = '/api/plugins/menu-cantine';

    it('puts plugin-relative paths under the plugin’s prefix', () => {
      expect(resolvePath(prefix, '/menus?week=2026-W36')).to.equal(`${prefix}/menus?week=2026-W36`);
      expect(resolvePath(prefix, 'menus')).to.equal(`${prefix}/menus`);
      expect(resolvePath(prefix, '')).to.equal(prefix);
    });

    it('leaves core paths as they are', () => {
      expect(resolvePath(prefix, '/api/health')).to.equal('/api/health');
      expect(resolvePath(prefix, '/api/plugins/autre/x')).to.equal('/api/plugins/autre/x');
    });

    it('does not mistake a plugin path that merely starts with « api » for a core one', () => {
      expect(resolvePath(prefix, '/apiculture')).to.equal(`${prefix}/apiculture`);
    });
  });
});
