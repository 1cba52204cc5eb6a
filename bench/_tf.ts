// TensorFlow.js on its pure-JS CPU backend (tfjs-node cannot be installed here). float32 only.
import * as tf from "@tensorflow/tfjs";

// The CPU backend prints a "use tfjs-node" banner on first use under Node-like runtimes.
tf.env().set("IS_NODE", false);
await tf.setBackend("cpu");

export { tf };
