namespace AadstsTools.GraphEmulator.Faults;

/// <summary>When a dropped connection happens relative to the work the request asked for.</summary>
public enum DropPoint
{
    /// <summary>The connection ends before anything is changed: a retry is safe.</summary>
    BeforeProcessing,

    /// <summary>The change is made, then the connection ends: the caller cannot know it happened.</summary>
    AfterProcessing,
}
