/**
 * The seeded random source of the demo dataset. The history must be identical on every machine,
 * every run and every Node version, so nothing here touches `Math.random` or platform state:
 * sfc32 (a 128-bit-state generator that passes PractRand) seeded through splitmix32.
 */

/** splitmix32 finalizer: spreads a 32-bit seed word over all 32 bits before sfc32 sees it. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

const TWO_POW_32 = 4_294_967_296;

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d = 1;
  /** Box-Muller yields normals in pairs; the second one waits here for the next call. */
  #spareNormal: number | null = null;

  /** Any safe integer is a seed; seeds that differ only above bit 32 still give different streams. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    this.#a = mix32(low);
    this.#b = mix32(high ^ 0x6a09e667);
    this.#c = mix32(low ^ 0xbb67ae85);
    // As in sfc32's reference seeding (12 rounds there): similar seeds must not start alike.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on the open interval (0, 1): never 0, so `Math.log(uniform())` is always finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const spare = this.#spareNormal;
    if (spare !== null) {
      this.#spareNormal = null;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.#spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /**
   * Student-t with `dof` (an integer > 2) degrees of freedom, scaled to unit variance: daily
   * market returns have fatter tails than a normal, which is where crash days come from.
   */
  studentT(dof: number): number {
    let chiSquare = 0;
    for (let i = 0; i < dof; i++) chiSquare += this.normal() ** 2;
    return this.normal() * Math.sqrt((dof - 2) / chiSquare);
  }

  /** Uniform integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.uniform() * (max - min + 1));
  }
}
