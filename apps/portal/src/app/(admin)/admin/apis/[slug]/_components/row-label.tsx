/** A label that reads "Weight" on screen and "Target 2 weight" to a screen reader, among rows of the same fields. */
export function RowLabel({ row, text }: { row: string; text: string }) {
  return (
    <>
      <span className="sr-only">{row} </span>
      {text}
    </>
  );
}
