{
  "targets": [
    {
      "target_name": "hpy_node",
      "sources": [
        "native/addon.cc",
        "native/env.cc",
        "native/call.cc",
        "native/module.cc",
        "native/types.cc",
        "native/blocks.cc",
        "native/slot_wrappers.cc",
        "native/containers.cc",
        "native/str_index.cc",
        "native/buffer.cc",
        "native/debug.cc",
        "native/trace.cc",
        "native/gen/ctx_init.cc",
        "<!@(node -p \"require('fs').readdirSync('native/ctx').filter(f => f.endsWith('.cc')).map(f => 'native/ctx/' + f).join(' ')\")"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc": ["-std=c++17", "-O2", "-fvisibility=hidden", "-Wall", "-Wno-unused-parameter", "-Wno-missing-field-initializers", "-Wno-cast-function-type"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17"],
      "libraries": ["-ldl"]
    }
  ]
}
