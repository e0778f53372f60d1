/** URL prefix under which the web host serves attachments of the open vault. */
export const VAULT_FILE_PREFIX = '/vault-file/';
