package cn.lianluo.common.exports;

/** Where an export job stands: waiting for a worker, being written, its file ready, or given up. */
public enum ExportStatus { QUEUED, RUNNING, DONE, FAILED }
