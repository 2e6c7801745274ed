namespace Mcs.Mocks.Demo;

/// <summary>
/// A deterministic "scanned" company seal as a 24-bit BMP: a red ring and star on paper with scanner grain. The grain
/// is what makes it realistic for size: a real scan does not compress to nothing, so a PDF carrying it is ~100 KB
/// with a 2–3 page text layer, as real contracts are (instead of 50 pages of text that only measure a PDF parser).
/// </summary>
public static class SealImageWriter
{
    private const int HeaderBytes = 54;

    /// <param name="side">Width and height in pixels; the compressed size in a PDF grows with its square.</param>
    /// <param name="seed">Varies the grain, so two contracts do not carry byte-identical seals.</param>
    public static byte[] Write(int side, uint seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 16);
        var rowBytes = (side * 3 + 3) & ~3;
        var bmp = new byte[HeaderBytes + rowBytes * side];
        WriteHeader(bmp, side, rowBytes);
        var state = seed == 0 ? 0x9E3779B9u : seed;
        var center = side / 2.0;
        var outer = side * 0.46;
        var inner = side * 0.40;
        for (var y = 0; y < side; y++)
        {
            var row = HeaderBytes + y * rowBytes;
            for (var x = 0; x < side; x++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                var grain = (int)(state & 0x1F) - 16;
                var dx = x - center;
                var dy = y - center;
                var radius = Math.Sqrt(dx * dx + dy * dy);
                var ink = (radius <= outer && radius >= inner) || InStar(dx / inner, dy / inner);
                // BMP pixels are blue, green, red; seal ink is red with the blue and green of the paper pushed down.
                var (blue, green, red) = ink ? (40, 35, 210) : (235, 240, 242);
                bmp[row + x * 3] = Clamp(blue + grain);
                bmp[row + x * 3 + 1] = Clamp(green + grain);
                bmp[row + x * 3 + 2] = Clamp(red + grain / 2);
            }
        }
        return bmp;
    }

    // A five-pointed star of radius ~0.45 of the ring: a point is inside when its distance from the centre is below
    // the star's outline at that angle (linear between tip and notch).
    private static bool InStar(double x, double y)
    {
        var r = Math.Sqrt(x * x + y * y);
        if (r > 0.5)
        {
            return false;
        }
        var angle = Math.Atan2(x, -y);
        var sector = Math.PI * 2 / 5;
        var offset = Math.Abs(((angle % sector) + sector) % sector - sector / 2) / (sector / 2);
        return r <= 0.2 + 0.25 * offset;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static void WriteHeader(byte[] bmp, int side, int rowBytes)
    {
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BitConverter.TryWriteBytes(bmp.AsSpan(2), bmp.Length);
        BitConverter.TryWriteBytes(bmp.AsSpan(10), HeaderBytes);
        BitConverter.TryWriteBytes(bmp.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bmp.AsSpan(18), side);
        BitConverter.TryWriteBytes(bmp.AsSpan(22), side);
        BitConverter.TryWriteBytes(bmp.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bmp.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(bmp.AsSpan(34), rowBytes * side);
        BitConverter.TryWriteBytes(bmp.AsSpan(38), 2835);
        BitConverter.TryWriteBytes(bmp.AsSpan(42), 2835);
    }
}
