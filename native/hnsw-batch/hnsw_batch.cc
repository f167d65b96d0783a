// Builds an HNSW graph from packed Float32Array batches with the hnswlib headers that hnswlib-node
// ships, so one call inserts a batch without hnswlib-node's per-element N-API reads (768 per point).
// It creates, inserts and saves exactly as hnswlib-node's HierarchicalNSW('cosine', d) does (same
// headers, same normalisation, same seed): the file written is the same graph, and hnswlib-node
// reads it. scripts/native-hnsw-batch.mjs compiles it at install and keeps it only when a probe
// shows both write the same bytes.
#include <cmath>
#include <exception>
#include <new>
#include <numeric>
#include <string>
#include <vector>

#include <node_api.h>

#include "hnswlib/hnswlib.h"

namespace {

struct Graph {
  hnswlib::InnerProductSpace space;
  hnswlib::HierarchicalNSW<float> index;
  size_t dimensions;
  Graph(size_t dimensions, size_t capacity, size_t m, size_t ef_construction, size_t seed)
      : space(dimensions), index(&space, capacity, m, ef_construction, seed, false), dimensions(dimensions) {}
};

// hnswlib-node's normalizePoint, kept term for term: the same float arithmetic gives the same vector.
void normalize(std::vector<float>& vec) {
  const float norm = std::sqrt(std::fabs(std::inner_product(vec.begin(), vec.end(), vec.begin(), 0.0f)));
  if (norm > 0.0f) {
    for (size_t i = 0; i < vec.size(); i++) vec[i] /= norm;
  }
}

napi_value fail(napi_env env, const std::string& message) {
  napi_throw_error(env, nullptr, message.c_str());
  return nullptr;
}

bool get_args(napi_env env, napi_callback_info info, size_t expected, napi_value* args) {
  size_t count = expected;
  if (napi_get_cb_info(env, info, &count, args, nullptr, nullptr) != napi_ok || count != expected) {
    fail(env, "expected " + std::to_string(expected) + " arguments");
    return false;
  }
  return true;
}

bool get_size(napi_env env, napi_value value, size_t* out) {
  uint32_t number;
  if (napi_get_value_uint32(env, value, &number) != napi_ok) return false;
  *out = number;
  return true;
}

Graph* get_graph(napi_env env, napi_value value) {
  void* data = nullptr;
  if (napi_get_value_external(env, value, &data) != napi_ok || data == nullptr) fail(env, "not a graph");
  return static_cast<Graph*>(data);
}

// The graph an entry point acts on, its `expected` arguments unpacked into `args`; nullptr with a
// JavaScript error pending when they are not there.
Graph* graph_call(napi_env env, napi_callback_info info, size_t expected, napi_value* args) {
  return get_args(env, info, expected, args) ? get_graph(env, args[0]) : nullptr;
}

// Runs `body`, an hnswlib call, turning what it throws into a JavaScript error.
template <typename Body>
napi_value guarded(napi_env env, Body body) {
  try {
    return body();
  } catch (const std::exception& error) {
    return fail(env, std::string("hnswlib: ") + error.what());
  }
}

// A typed array's elements and length when it is of `type`, else nullptr.
void* typed_elements(napi_env env, napi_value value, napi_typedarray_type type, size_t* length) {
  bool is_typed = false;
  napi_typedarray_type actual;
  void* data = nullptr;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return nullptr;
  if (napi_get_typedarray_info(env, value, &actual, length, &data, nullptr, nullptr) != napi_ok || actual != type) return nullptr;
  return data;
}

// create(dimensions, capacity, m, efConstruction, randomSeed): a new empty graph.
napi_value create(napi_env env, napi_callback_info info) {
  napi_value args[5];
  if (!get_args(env, info, 5, args)) return nullptr;
  size_t sizes[5];
  for (int i = 0; i < 5; i++) {
    if (!get_size(env, args[i], &sizes[i])) return fail(env, "create takes five unsigned integers");
  }
  if (sizes[0] == 0 || sizes[1] == 0) return fail(env, "dimensions and capacity must be positive");
  Graph* graph = nullptr;
  guarded(env, [&]() -> napi_value {
    graph = new Graph(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
    return nullptr;
  });
  if (graph == nullptr) return nullptr;
  napi_value external;
  const auto release = [](napi_env, void* data, void*) { delete static_cast<Graph*>(data); };
  if (napi_create_external(env, graph, release, nullptr, &external) != napi_ok) {
    delete graph;
    return fail(env, "could not wrap the graph");
  }
  return external;
}

// addPoints(graph, labels: Int32Array, vectors: Float32Array of labels.length × dimensions), in order.
napi_value add_points(napi_env env, napi_callback_info info) {
  napi_value args[3];
  Graph* graph = graph_call(env, info, 3, args);
  if (graph == nullptr) return nullptr;
  size_t count = 0, values = 0;
  const auto* labels = static_cast<const int32_t*>(typed_elements(env, args[1], napi_int32_array, &count));
  const auto* vectors = static_cast<const float*>(typed_elements(env, args[2], napi_float32_array, &values));
  if (labels == nullptr || vectors == nullptr) return fail(env, "addPoints takes an Int32Array and a Float32Array");
  if (values != count * graph->dimensions) return fail(env, "vectors must hold labels.length × dimensions values");
  std::vector<float> point(graph->dimensions);
  return guarded(env, [&]() -> napi_value {
    for (size_t i = 0; i < count; i++) {
      if (labels[i] < 0) return fail(env, "labels must not be negative");
      point.assign(vectors + i * graph->dimensions, vectors + (i + 1) * graph->dimensions);
      normalize(point);
      graph->index.addPoint(point.data(), static_cast<hnswlib::labeltype>(labels[i]));
    }
    return nullptr;
  });
}

// resize(graph, capacity): room for `capacity` points, as hnswlib-node's resizeIndex.
napi_value resize(napi_env env, napi_callback_info info) {
  napi_value args[2];
  Graph* graph = graph_call(env, info, 2, args);
  if (graph == nullptr) return nullptr;
  size_t capacity = 0;
  if (!get_size(env, args[1], &capacity)) return fail(env, "resize takes an unsigned integer");
  return guarded(env, [&]() -> napi_value {
    graph->index.resizeIndex(capacity);
    return nullptr;
  });
}

// counts(graph): [points inserted, capacity], as getCurrentCount and getMaxElements.
napi_value counts(napi_env env, napi_callback_info info) {
  napi_value args[1];
  Graph* graph = graph_call(env, info, 1, args);
  if (graph == nullptr) return nullptr;
  napi_value pair, points, capacity;
  napi_create_array_with_length(env, 2, &pair);
  napi_create_uint32(env, static_cast<uint32_t>(graph->index.getCurrentElementCount()), &points);
  napi_create_uint32(env, static_cast<uint32_t>(graph->index.getMaxElements()), &capacity);
  napi_set_element(env, pair, 0, points);
  napi_set_element(env, pair, 1, capacity);
  return pair;
}

// write(graph, file): hnswlib's saveIndex, the format hnswlib-node's readIndex reads.
napi_value write(napi_env env, napi_callback_info info) {
  napi_value args[2];
  Graph* graph = graph_call(env, info, 2, args);
  if (graph == nullptr) return nullptr;
  size_t length = 0;
  if (napi_get_value_string_utf8(env, args[1], nullptr, 0, &length) != napi_ok) return fail(env, "write takes a file name");
  std::string file(length, '\0');
  napi_get_value_string_utf8(env, args[1], file.data(), length + 1, &length);
  return guarded(env, [&]() -> napi_value {
    graph->index.saveIndex(file);
    return nullptr;
  });
}

napi_value init(napi_env env, napi_value exports) {
  const napi_property_descriptor methods[] = {
    {"create", nullptr, create, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"addPoints", nullptr, add_points, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"resize", nullptr, resize, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"counts", nullptr, counts, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"write", nullptr, write, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(methods) / sizeof(methods[0]), methods);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
