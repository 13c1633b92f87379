package org.argmax.estimation;

/**
 * Weighted sufficient statistics for the M-step, accumulated around a shift (the current means)
 * to avoid cancellation: Nₖ = Σ rᵢₖ, S1ₖ = Σ rᵢₖ(xᵢ−sₖ), S2ₖ = Σ rᵢₖ(xᵢ−sₖ)(xᵢ−sₖ)ᵀ (lower triangle).
 */
final class MixtureStatistics {
    private final int k;
    private final int d;
    private final double[] shift;
    private final double[] weight;
    private final double[] first;
    private final double[] second;
    private final double[] centred;

    MixtureStatistics(int k, int d, double[] shift) {
        this.k = k;
        this.d = d;
        this.shift = shift;
        this.weight = new double[k];
        this.first = new double[k * d];
        this.second = new double[k * d * d];
        this.centred = new double[4 * d];
    }

    /**
     * Adds the points from … from+rows−1 of the row-major data, point from+i with the
     * responsibilities r[c][i]: four points at a time, the rest one by one. Every entry of the sums is
     * loaded and stored once per four points; the four terms are added together, then to the sum.
     */
    void addRows(double[] data, int from, int rows, double[][] r) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int o = (from + i) * d;
            add4(data, o, o + d, o + 2 * d, o + 3 * d, r, i);
        }
        for (; i < rows; i++) add(data, (from + i) * d, r, i);
    }

    private void add4(double[] data, int o0, int o1, int o2, int o3, double[][] r, int at) {
        double[] cv = centred;
        for (int c = 0; c < k; c++) {
            double[] rc = r[c];
            double r0 = rc[at], r1 = rc[at + 1], r2 = rc[at + 2], r3 = rc[at + 3];
            if (r0 == 0 && r1 == 0 && r2 == 0 && r3 == 0) continue;
            weight[c] += r0 + r1 + r2 + r3;
            int fb = c * d, sb = c * d * d;
            for (int j = 0; j < d; j++) {
                double s = shift[fb + j];
                double v0 = data[o0 + j] - s, v1 = data[o1 + j] - s, v2 = data[o2 + j] - s, v3 = data[o3 + j] - s;
                cv[j] = v0;
                cv[d + j] = v1;
                cv[2 * d + j] = v2;
                cv[3 * d + j] = v3;
                first[fb + j] += r0 * v0 + r1 * v1 + r2 * v2 + r3 * v3;
            }
            // two rows of the lower triangle at a time, sharing the loads of the four centred points
            int a = 0;
            for (; a + 2 <= d; a += 2) {
                double a0 = r0 * cv[a], a1 = r1 * cv[d + a], a2 = r2 * cv[2 * d + a], a3 = r3 * cv[3 * d + a];
                double b0 = r0 * cv[a + 1], b1 = r1 * cv[d + a + 1], b2 = r2 * cv[2 * d + a + 1], b3 = r3 * cv[3 * d + a + 1];
                int row = sb + a * d, next = row + d;
                for (int b = 0; b <= a; b++) {
                    double c0 = cv[b], c1 = cv[d + b], c2 = cv[2 * d + b], c3 = cv[3 * d + b];
                    second[row + b] += a0 * c0 + a1 * c1 + a2 * c2 + a3 * c3;
                    second[next + b] += b0 * c0 + b1 * c1 + b2 * c2 + b3 * c3;
                }
                int b = a + 1;
                second[next + b] += b0 * cv[b] + b1 * cv[d + b] + b2 * cv[2 * d + b] + b3 * cv[3 * d + b];
            }
            for (; a < d; a++) {
                double a0 = r0 * cv[a], a1 = r1 * cv[d + a], a2 = r2 * cv[2 * d + a], a3 = r3 * cv[3 * d + a];
                int row = sb + a * d;
                for (int b = 0; b <= a; b++) {
                    second[row + b] += a0 * cv[b] + a1 * cv[d + b] + a2 * cv[2 * d + b] + a3 * cv[3 * d + b];
                }
            }
        }
    }

    /** Adds the point at data[offset…offset+d) with the responsibilities r[c][at]. */
    void add(double[] data, int offset, double[][] r, int at) {
        for (int c = 0; c < k; c++) {
            double rc = r[c][at];
            if (rc == 0) continue;
            weight[c] += rc;
            int fb = c * d, sb = c * d * d;
            for (int j = 0; j < d; j++) {
                double v = data[offset + j] - shift[fb + j];
                centred[j] = v;
                first[fb + j] += rc * v;
            }
            for (int a = 0; a < d; a++) {
                double ra = rc * centred[a];
                int row = sb + a * d;
                for (int b = 0; b <= a; b++) second[row + b] += ra * centred[b];
            }
        }
    }

    Result result(double logLikelihood) {
        return new Result(k, d, shift, weight, first, second, logLikelihood);
    }

    /** The statistics of a chunk (or of all chunks, summed in order) and its log-likelihood. */
    record Result(int k, int d, double[] shift, double[] weight, double[] first, double[] second, double logLikelihood) {
        Result plus(Result o) {
            double[] w = weight.clone(), f = first.clone(), s = second.clone();
            for (int i = 0; i < w.length; i++) w[i] += o.weight[i];
            for (int i = 0; i < f.length; i++) f[i] += o.first[i];
            for (int i = 0; i < s.length; i++) s[i] += o.second[i];
            return new Result(k, d, shift, w, f, s, logLikelihood + o.logLikelihood);
        }

        GmmParameters mStep(CovarianceType type, double regularization, int n) {
            double[] weights = new double[k];
            double[][] means = new double[k][d];
            double[][][] cov = new double[k][d][d];
            for (int c = 0; c < k; c++) {
                double nk = weight[c];
                if (!(nk > 1e-10 * Math.max(1, n) / k)) {
                    throw new EstimationException("component " + (c + 1) + " lost all its points (its weight fell to 0); "
                            + "try another initialization or fewer components");
                }
                weights[c] = nk / n;
                double[] delta = new double[d];
                for (int j = 0; j < d; j++) {
                    delta[j] = first[c * d + j] / nk;
                    means[c][j] = shift[c * d + j] + delta[j];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        double v = second[c * d * d + a * d + b] / nk - delta[a] * delta[b];
                        cov[c][a][b] = v;
                        cov[c][b][a] = v;
                    }
                }
                if (type == CovarianceType.DIAGONAL || type == CovarianceType.SPHERICAL) {
                    double mean = 0;
                    for (int a = 0; a < d; a++) mean += cov[c][a][a] / d;
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) if (a != b) cov[c][a][b] = 0;
                        if (type == CovarianceType.SPHERICAL) cov[c][a][a] = mean;
                    }
                }
                for (int a = 0; a < d; a++) cov[c][a][a] += regularization;
            }
            double total = 0;
            for (double w : weights) total += w;
            for (int c = 0; c < k; c++) weights[c] /= total;
            return new GmmParameters(weights, means, cov);
        }
    }
}
