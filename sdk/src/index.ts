export const PLUGIN_API_VERSION = '1.0.0';
