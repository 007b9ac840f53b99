// Who a Pub/Sub API call is from: "For each RPC, a client needs to pass authentication information as metadata
// headers … accesstoken, instanceurl, tenantid" (the proto's PubSub service comment). The access token is checked
// as a REST call's bearer token is (http/authenticate.ts: a live, unrevoked session, which this use keeps alive),
// and tenantid must be that session's org. instanceurl must be present but is not compared with anything: the
// sandbox's instance URL depends on where its app is mounted, and the docs do not say what Salesforce checks.
import type * as grpc from '@grpc/grpc-js';
import type { AccessToken } from '../state/tokenStore.ts';
import type { Org } from '../state/org.ts';
import type { SalesforceState } from '../state/salesforceState.ts';

export interface PubSubCaller {
  org: Org;
  token: AccessToken;
}

const single = (metadata: grpc.Metadata, key: string): string | undefined => {
  const [value] = metadata.get(key);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

export function callerOf(state: SalesforceState, metadata: grpc.Metadata): PubSubCaller | undefined {
  const accessToken = single(metadata, 'accesstoken');
  const tenantId = single(metadata, 'tenantid');
  if (accessToken === undefined || tenantId === undefined || single(metadata, 'instanceurl') === undefined)
    return undefined;
  const token = state.tokens.useAccess(accessToken, state.clock.now());
  const org = token ? state.findOrg(token.orgId) : undefined;
  if (!token || !org || org.id !== tenantId) return undefined;
  return { org, token };
}
