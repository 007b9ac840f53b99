// The Pub/Sub API's service definition, loaded from the proto Salesforce publishes (vendored beside Baton's client).
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

export const PROTO_FILE = fileURLToPath(
  new URL('../../../src/crm/salesforce/pubsub/pubsub_api.proto', import.meta.url),
);

/** camelCase fields, enums as their names, unset fields as their proto3 defaults, bytes as Buffers. */
export const PROTO_OPTIONS: protoLoader.Options = { keepCase: false, enums: String, defaults: true };

let service: grpc.ServiceClientConstructor | undefined;

/** eventbus.v1.PubSub: `.service` for a server, or the constructor of a generic client. */
export function pubSubService(): grpc.ServiceClientConstructor {
  if (!service) {
    const definition = protoLoader.loadSync(PROTO_FILE, PROTO_OPTIONS);
    const eventbus = grpc.loadPackageDefinition(definition).eventbus as grpc.GrpcObject;
    service = (eventbus.v1 as grpc.GrpcObject).PubSub as grpc.ServiceClientConstructor;
  }
  return service;
}
