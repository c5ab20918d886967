package io.flowcast.forecast.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Small NDArray helpers shared by the network and the loss. */
final class NdOps {
    private NdOps() {}

    /** Stacks equally shaped arrays along a new last axis. */
    static NDArray stackLast(NDArray... arrays) {
        return NDArrays.stack(new NDList(arrays), arrays[0].getShape().dimension());
    }
}
