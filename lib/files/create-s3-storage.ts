import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import type { FileStorage } from "./file-storage";

export interface S3StorageConfig {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …) through the official SDK.
 * Uploads stream in parts (lib-storage's Upload, 5 MiB parts, so memory stays bounded); an
 * upload whose body fails is aborted, which drops its parts, and nothing is left under the key.
 */
export function createS3Storage(config: S3StorageConfig): FileStorage {
  const clientConfig: S3ClientConfig = { region: config.region, forcePathStyle: config.forcePathStyle };
  if (config.endpoint) clientConfig.endpoint = config.endpoint;
  // Without keys the SDK's default chain applies (instance role, AWS_* variables, profiles).
  if (config.accessKeyId && config.secretAccessKey) {
    clientConfig.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
  }
  const client = new S3Client(clientConfig);
  const Bucket = config.bucket;
  return {
    driver: "s3",
    async put(key, body) {
      const upload = new Upload({ client, params: { Bucket, Key: key, Body: body, ContentType: "application/octet-stream" }, queueSize: 2, leavePartsOnError: false });
      // A body error alone may leave Upload waiting on a part; abort it so put rejects promptly.
      const onError = () => void upload.abort().catch(() => undefined);
      body.once("error", onError);
      try {
        await upload.done();
      } finally {
        body.off("error", onError);
      }
      if (body.errored) {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key })).catch(() => undefined);
        throw body.errored;
      }
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return object.Body instanceof Readable ? object.Body : Readable.fromWeb(object.Body!.transformToWebStream() as never);
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
