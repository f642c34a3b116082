using System.Buffers.Binary;

namespace ChatEscalation.Bot.Tests.Manifests;

/// <summary>The pixel size and colour type from a PNG file's IHDR chunk.</summary>
/// <param name="ColorType">PNG colour type: 6 is RGBA, 2 is RGB, 3 is palette.</param>
internal sealed record PngHeader(int Width, int Height, byte BitDepth, byte ColorType)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the header of the PNG in <paramref name="path"/>; throws when it is not a PNG.</summary>
    public static PngHeader Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 29 || !bytes.AsSpan(0, 8).SequenceEqual(Signature) || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException($"{path} is not a PNG with an IHDR chunk first.");
        }

        return new PngHeader(
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)),
            bytes[24],
            bytes[25]);
    }
}
