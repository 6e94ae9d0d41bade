import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

/*
 * The scripts `npm test` runs first (pretest). Only their outcomes that do not depend on the
 * machine are checked here: nothing is installed or started.
 */

const setup = fileURLToPath(new URL('../../setup/', import.meta.url));

function run(script: string, env: Record<string, string>) {
  const result = spawnSync('bash', [`${setup}${script}`], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('test setup: ensure-chromium.sh', () => {
  it('does nothing, silently, when the browser is there', () => {
    const result = run('ensure-chromium.sh', { CHROMIUM: process.execPath });
    expect(result).to.deep.include({ status: 0, stdout: '', stderr: '' });
  });

  it('fails, saying in French what to install, when it cannot install the browser', () => {
    const result = run('ensure-chromium.sh', {
      CHROMIUM: '/nonexistent/chromium',
      PREAU_APT_GET: '/nonexistent/apt-get',
    });
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('Chromium est introuvable (/nonexistent/chromium)');
    expect(result.stderr).to.contain('apt-get install chromium');
  });
});

describe('test setup: ensure-services.sh', () => {
  it('leaves MariaDB alone when the tests run on SQLite only', () => {
    const result = run('ensure-services.sh', {
      PREAU_TEST_DATABASES: 'sqlite',
      PREAU_TEST_MYSQL_URL: 'mysql://root@127.0.0.1:1',
    });
    expect(result).to.deep.include({ status: 0, stdout: '', stderr: '' });
  });

  it('fails, saying how to run on SQLite only, when MariaDB does not answer nor can start', () => {
    const result = run('ensure-services.sh', {
      PREAU_TEST_DATABASES: 'sqlite,mariadb',
      PREAU_TEST_MYSQL_URL: 'mysql://root@127.0.0.1:1',
      MARIADBD: '/nonexistent/mariadbd',
    });
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('MariaDB ne répond pas sur 127.0.0.1:1');
    expect(result.stderr).to.contain('PREAU_TEST_DATABASES=sqlite npm test');
  });
});
