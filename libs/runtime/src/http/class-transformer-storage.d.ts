/** class-transformer's metadata store (what @Type, @Transform, @Expose and @Exclude record), which its package types only under types/. */
declare module 'class-transformer/cjs/storage' {
  export const defaultMetadataStorage: import('class-transformer/types/MetadataStorage').MetadataStorage;
}
