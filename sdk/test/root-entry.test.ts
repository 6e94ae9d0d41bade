import { expect } from 'chai';

describe('@preau/sdk root entry', () => {
  it('loads in Node without a DOM and carries no browser code', async () => {
    const sdk = (await import('@preau/sdk')) as Record<string, unknown>;
    expect(typeof globalThis.document).to.equal('undefined');
    expect(sdk.definePlugin).to.be.a('function');
    expect(sdk).not.to.have.property('PreauWidget');
    expect(sdk).not.to.have.property('startPluginTest');
  });
});
