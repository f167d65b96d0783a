{
  "targets": [
    {
      "target_name": "hnsw_batch",
      "sources": ["hnsw_batch.cc"],
      "include_dirs": ["<!(node -p \"require('path').join(require('path').dirname(require.resolve('hnswlib-node/package.json')), 'src')\")"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"]
    }
  ]
}
