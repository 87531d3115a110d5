using System.Security;

namespace StatefulManifests.BuildTasks;

/// <summary>What a path is, seen without following links.</summary>
internal enum EntryKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A symbolic link, junction or other reparse point (dangling or not).</summary>
    Link,
}

/// <summary>
/// The file operations of the build step. Each one turns every I/O failure into a <see cref="BuildProblemException"/>
/// naming the path (SMB0006), never lets an exception reach MSBuild, never follows a link, and replaces a file by
/// writing a temporary file beside it and renaming it over the old one: the old directory entry is replaced, so
/// neither a symbolic nor a hard link can carry the write to a file outside the folder, and a failed write leaves
/// the old file whole.
/// </summary>
internal static class SafeFiles
{
    /// <summary>What <paramref name="path"/> is (the link itself for a link).</summary>
    public static EntryKind KindOf(string path) => Guard(path, "inspect", () =>
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return EntryKind.Missing;
        }

        return (attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.Link
            : (attributes & FileAttributes.Directory) != 0 ? EntryKind.Folder
            : EntryKind.File;
    });

    /// <summary>The bytes of a file.</summary>
    public static byte[] Read(string path) => Guard(path, "read", () => File.ReadAllBytes(path));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file in the same folder.</summary>
    public static void Write(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, ".sm-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        Guard(path, "write", () =>
        {
            try
            {
                File.WriteAllBytes(temporary, bytes);
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            return true;
        });
    }

    /// <summary>Deletes a file.</summary>
    public static void Delete(string path) => Guard(path, "delete", () =>
    {
        File.Delete(path);
        return true;
    });

    /// <summary>Creates a folder (and its parents); a file in the way is an error.</summary>
    public static void CreateFolder(string path) => Guard(path, "create the folder", () =>
    {
        Directory.CreateDirectory(path);
        return true;
    });

    /// <summary>Removes a folder when it is empty; a folder that is not empty stays.</summary>
    public static void RemoveIfEmpty(string path) => Guard(path, "remove the empty folder", () =>
    {
        if (KindOf(path) == EntryKind.Folder && !Directory.EnumerateFileSystemEntries(path).Any())
        {
            Directory.Delete(path);
        }

        return true;
    });

    /// <summary>Runs <paramref name="io"/>, turning each I/O failure into SMB0006 for <paramref name="path"/>.</summary>
    public static T Guard<T>(string path, string action, Func<T> io)
    {
        try
        {
            return io();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SecurityException)
        {
            throw new BuildProblemException(BuildProblem.Error(BuildCodes.IoFailure, path, "could not " + action + " '" + path + "': " + e.Message), e);
        }
    }
}
